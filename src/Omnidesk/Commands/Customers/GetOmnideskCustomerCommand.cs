using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Get-OmnideskCustomer: the customers of an Omnidesk.com account (GET /api/v2/customer, paged by itemStart/itemLimit),
    /// or customers by id (GET /api/v2/customer/{id}, with their channels and custom fields), which a ticket pipes in
    /// by its CustomerId.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OmnideskCustomer", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OmnideskCustomer))]
    public sealed class GetOmnideskCustomerCommand : ComConnectedCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The API documents the customer search as ^[0-9a-zA-Z ]+$: no '@', '.' or '+'.</summary>
        internal static readonly Regex QueryPattern = new Regex("^[0-9a-zA-Z ]+$", RegexOptions.CultureInvariant);

        /// <summary>Customers by id; a ticket binds its CustomerId (customer_id on the API's own objects).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("customer_id", "id")]
        public long[] CustomerId { get; set; }

        /// <summary>The API's search: first name, last name, full name or external primary id; letters, digits and spaces only.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 99)]
        public int PageSize { get; set; } = 99;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            ListReading.CheckQuery(this, Query, QueryPattern,
                "the API's customer search accepts only letters, digits and spaces, so it cannot search for an e-mail address " +
                "or a phone number. Search a name or an external primary id, or pipe a ticket of that address to Get-OmnideskCustomer.");
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet) return;
            foreach (var id in CustomerId) GetOne(id);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != ListSet) return;
            ListReading.Write(this, OmnideskComResources.Customer, PageSize,
                (page, limit, context) => Client.GetCustomersAsync(Query, page, limit, context));
        }

        private ulong _skipped;
        private ulong _written;

        /// <summary>
        /// Reads one customer, as one of the command's per-item requests (up to -MaxConcurrency at once, written in the
        /// order given). -Skip and -First count the ids too: skipped ones and those past -First are not read.
        /// </summary>
        private void GetOne(long id)
        {
            if (_skipped < PagingParameters.Skip)
            {
                _skipped++;
                return;
            }
            if (_written >= PagingParameters.First) return;
            _written++;
            if (id <= 0)
            {
                // A ticket without a customer pipes CustomerId 0: there is nothing to ask the API for.
                WriteErrorInTurn(id == 0
                    ? new ErrorRecord(new ItemNotFoundException("Customer id 0 names no customer: a ticket with CustomerId 0 has no customer."),
                        "OmnideskNoCustomer", ErrorCategory.ObjectNotFound, id)
                    : OmnideskErrors.InvalidArgument("OmnideskInvalidCustomerId",
                        $"Customer id {id.ToString(CultureInfo.InvariantCulture)} is not an id: ids are positive numbers.", id));
                return;
            }
            Items.Add(context => Client.GetCustomerAsync(id, context), WriteObject, e => WriteApiError(e, id));
        }
    }
}
