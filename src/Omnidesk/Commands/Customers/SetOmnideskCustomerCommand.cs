using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk.Commands
{
    /// <summary>
    /// Set-OmnideskCustomer: changes an Omnidesk.com customer's names and custom fields (PUT
    /// /api/v2/customer/updateCustomer), which the API selects by the customer's external primary id (within a brand
    /// when -BrandId is given).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OmnideskCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OmnideskCustomer))]
    public sealed class SetOmnideskCustomerCommand : ComConnectedCmdlet
    {
        /// <summary>
        /// Not mandatory on purpose: a piped customer without one gets a clear error of its own (the API updates only by
        /// primary id), instead of PowerShell's binding error.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("external_primary_id", "primary_id")]
        [AllowNull]
        [AllowEmptyString]
        public string ExternalPrimaryId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("brand_id")]
        [ValidateRange(0, long.MaxValue)]
        public long? BrandId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Firstname { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Lastname { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable CustomField { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private IDictionary<string, object> _customFields;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _customFields = ComCustomFields.Convert(this, CustomField);
        }

        protected override void ProcessRecord()
        {
            var primaryId = ExternalPrimaryId?.Trim();
            // 0 is what an empty CSV column binds: no brand.
            if (BrandId == 0) BrandId = null;
            var change = new OmnideskCustomerChange
            {
                ExternalPrimaryId = primaryId,
                BrandId = BrandId,
                Firstname = Firstname,
                Lastname = Lastname,
                CustomFields = _customFields,
            };
            if (change.IsEmpty)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskNothingToChange",
                    "Give what to change: -Firstname, -Lastname or -CustomField.", primaryId));
            if (string.IsNullOrEmpty(primaryId))
            {
                WriteErrorInTurn(OmnideskErrors.InvalidArgument("OmnideskCustomerWithoutPrimaryId",
                    "This customer has no external primary id, and the API can update a customer only by its external primary id. " +
                    "Give the customer one in Omnidesk first, or pass -ExternalPrimaryId.", Describe(primaryId)));
                return;
            }
            if (!Accepts(change.ToForm, "OmnideskInvalidCustomerChange", primaryId)) return;
            // Captured now: the outcome is written in its turn, when the parameters may hold a later item's values.
            var description = Describe(primaryId);
            if (!Approve(description, "Update customer", false)) return;
            var brandId = BrandId;
            Items.Add(async context =>
            {
                await Client.UpdateCustomerAsync(change, context).ConfigureAwait(false);
                return PassThru ? await ReadBackAsync(primaryId, brandId, context).ConfigureAwait(false) : null;
            }, readBack =>
            {
                if (!PassThru) return;
                if (readBack.Customer != null) WriteObject(readBack.Customer);
                else WriteWarning($"{description} was updated, but {readBack.Problem}");
            }, e => WriteApiError(e, primaryId));
        }

        /// <summary>How -WhatIf, prompts and errors name the customer: by primary id, or by name when it has none.</summary>
        private string Describe(string primaryId)
        {
            var name = string.Join(" ", new[] { Firstname, Lastname }).Trim();
            var who = string.IsNullOrEmpty(primaryId)
                ? (name.Length > 0 ? $"Customer '{name}' (no external primary id)" : "Customer without an external primary id")
                : $"Customer with external primary id '{primaryId}'";
            return who + (BrandId.HasValue ? $" in brand {BrandId.Value.ToString(CultureInfo.InvariantCulture)}" : "");
        }

        /// <summary>What -PassThru found after the update: the customer, or why it could not be written.</summary>
        private sealed class ReadBack
        {
            public OmnideskCustomer Customer;
            public string Problem;
        }

        /// <summary>The most list pages read to find the customer of a primary id.</summary>
        private const int MaxSearchPages = 10;

        /// <summary>
        /// The API answers an update only with "Customer updated.", and nothing reads a customer by its primary id, so
        /// -PassThru lists the customers with the primary id as the search (the customer search matches primary ids),
        /// takes the one whose primary id is exactly that (in that brand), and reads it by its id for its channels and
        /// custom fields: two reads per customer. A failed read is a warning: the update itself was made.
        /// </summary>
        private async Task<ReadBack> ReadBackAsync(string primaryId, long? brandId, OmnideskCallContext context)
        {
            if (!GetOmnideskCustomerCommand.QueryPattern.IsMatch(primaryId))
                return new ReadBack { Problem = "it cannot be read back: the API's customer search accepts only letters, digits and spaces." };
            try
            {
                var found = new List<OmnideskCustomer>();
                for (var page = 1; page <= MaxSearchPages; page++)
                {
                    var answer = await Client.GetCustomersAsync(primaryId, page, OmnideskComResources.Customer.MaxPageSize, context).ConfigureAwait(false);
                    found.AddRange(answer.Items.Where(c => string.Equals(c.ExternalPrimaryId?.Trim(), primaryId, StringComparison.Ordinal) &&
                                                           (!brandId.HasValue || c.BrandId == brandId.Value)));
                    var read = (long)page * OmnideskComResources.Customer.MaxPageSize;
                    if (found.Count > 0 || answer.Items.Count == 0 || !(answer.TotalCount > read)) break;
                }
                if (found.Count == 0)
                    return new ReadBack { Problem = "the customer search did not find it, so it cannot be written." };
                if (found.Count > 1)
                    return new ReadBack { Problem = "several brands have a customer with that primary id: give -BrandId to write it." };
                return new ReadBack { Customer = await Client.GetCustomerAsync(found[0].CustomerId, context).ConfigureAwait(false) };
            }
            catch (OmnideskApiException e)
            {
                return new ReadBack { Problem = "reading it back failed: " + e.Message };
            }
        }
    }
}
