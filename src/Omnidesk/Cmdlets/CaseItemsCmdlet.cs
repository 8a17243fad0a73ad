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

        private void List(CaseRef target)
        {
            // The items carry the case id; by number, it is read from the case first.
            var caseId = ResolveId(target);
            if (caseId == null) return;
            var progress = new ListProgress(this, MyInvocation.MyCommand.Name, Listed.Plural, PagingParameters);
            try
            {
                new ListPager<T>(this, progress, Listed, (page, limit, context) => FetchAsync(target.Key, caseId.Value, (int)page, limit, context))
                    .WriteWindow(PageSize);
            }
            catch (OmnideskApiException e)
            {
                // This case's list failed (perhaps part-way): say so for it, and go on with the next one.
                WriteApiError(e, target.IdOrNumber);
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
