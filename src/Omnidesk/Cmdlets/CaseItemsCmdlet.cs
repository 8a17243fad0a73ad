using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// Lists a resource that lives under a case (messages, changelog), with SupportsPaging (per case). The cases come
    /// as -CaseId, -CaseNumber, or piped in any form (see <see cref="Identities.Case"/>). A case whose list cannot be
    /// read is one error, and the next case goes on.
    /// </summary>
    public abstract class CaseItemsCmdlet<T> : CaseTargetCmdlet where T : class
    {
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        /// <summary>What is listed (its plural names it in progress: "messages").</summary>
        protected abstract OmnideskResource<T> Listed { get; }

        /// <summary>Reads one page for the case named by <paramref name="key"/> (its id or number).</summary>
        protected abstract Task<OmnideskPage<T>> FetchAsync(string key, long caseId, int page, int limit, OmnideskCallContext context);

        protected override void ProcessRecord()
        {
            foreach (var target in CasesOfRecord()) List(target);
        }

        /// <summary>
        /// Lists one case's items: its first page is read as one of the command's per-item requests (so the cases are
        /// read up to -MaxConcurrency at once), and in the case's turn its pages are written, the rest read as they go.
        /// </summary>
        private void List(CaseRef target)
        {
            if (PagingParameters.First == 0 && !PagingParameters.IncludeTotalCount) return;
            IOmnideskListReader<T> reader = null;
            Items.Add(async context =>
            {
                var caseId = await IdOf(target, context).ConfigureAwait(false);
                // The items carry the case id; by number, it was read from the case first.
                reader = Client.ReadPages((page, limit, c) => FetchAsync(target.Key, caseId, (int)page, limit, c),
                    ListPager<T>.Window(PagingParameters, PageSize), Listed.MaxPage, context);
                return await reader.NextAsync().ConfigureAwait(false);
            }, first => WritePages(target, reader, first), e =>
            {
                reader?.Dispose();
                WriteApiError(e, target.IdOrNumber);
            });
        }

        private void WritePages(CaseRef target, IOmnideskListReader<T> reader, OmnideskListPage<T> first)
        {
            var progress = new ListProgress(this, MyInvocation.MyCommand.Name, Listed.Plural, PagingParameters);
            try
            {
                ListPager<T>.Write(this, reader, progress, Listed.MaxPage, ListPager<T>.DefaultNarrowingHint, Task.FromResult(first));
            }
            catch (OmnideskApiException e)
            {
                // This case's list failed part-way: say so for it, and go on with the next one.
                WriteApiError(e, target.IdOrNumber);
            }
            finally
            {
                reader.Dispose();
                progress.Complete();
            }
        }
    }
}
