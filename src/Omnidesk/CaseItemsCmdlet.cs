using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// Lists something that belongs to one case (messages, changelog), with SupportsPaging. The case comes piped from
    /// Get-OmnideskCase (-InputObject), or as -CaseId or -CaseNumber, also by property name (Import-Csv rows,
    /// messages). A case whose list cannot be read is one error, and the next piped case goes on.
    /// </summary>
    public abstract class CaseItemsCmdlet<T> : OmnideskConnectedCmdlet
    {
        protected const string ByIdSet = "ById";
        protected const string ByNumberSet = "ByNumber";
        protected const string ByInputObjectSet = "ByInputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "case_id")]
        [ValidateRange(1, long.MaxValue)]
        public long CaseId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByNumberSet, ValueFromPipelineByPropertyName = true)]
        [Alias("case_number")]
        [ValidateNotNullOrEmpty]
        public string CaseNumber { get; set; }

        /// <summary>A case from Get-OmnideskCase (it carries both the id and the number).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByInputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public OmnideskCase InputObject { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        /// <summary>What is listed, in the plural ("messages").</summary>
        protected abstract string Noun { get; }

        /// <summary>Reads one page for the case named by <paramref name="key"/> (its id or number).</summary>
        protected abstract Task<OmnideskPage<T>> FetchAsync(string key, long caseId, int page, int limit, OmnideskCallContext context);

        protected override void ProcessRecord()
        {
            var byNumber = ParameterSetName == ByNumberSet;
            // The items carry the case id; by number, it is read from the case first.
            var caseId = InputObject?.CaseId ?? (byNumber ? ResolveId(CaseNumber) : CaseId);
            if (caseId == null) return;
            var key = byNumber ? CaseNumber.Trim() : caseId.Value.ToString(CultureInfo.InvariantCulture);
            var progress = new ListProgress(this, MyInvocation.MyCommand.Name, Noun, PagingParameters);
            try
            {
                new ListPager<T>(this, progress, (page, limit, context) => FetchAsync(key, caseId.Value, (int)page, limit, context))
                    .WriteWindow(PageSize);
            }
            catch (OmnideskApiException e)
            {
                // This case's list failed (perhaps part-way): say so for it, and go on with the next one.
                WriteApiError(e, byNumber ? (object)CaseNumber : caseId.Value);
            }
            finally
            {
                progress.Complete();
            }
        }

        private long? ResolveId(string number)
        {
            try
            {
                return Await(context => Client.GetCaseAsync(number.Trim(), context)).CaseId;
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, number);
                return null;
            }
        }
    }
}
