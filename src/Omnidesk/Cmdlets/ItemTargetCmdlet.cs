using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>
    /// A cmdlet that acts on items of one resource: named by the resource's own parameters (declared once, by its
    /// target base such as <see cref="CaseTargetCmdlet"/>), or piped in any form (-InputObject), all read by the
    /// resource's <see cref="ItemIdentity"/>. An item that names none is one error with the item as its target; the
    /// items around it go on. <see cref="ApplyTo{T}"/> is the change of one item: ask, resolve, send, report.
    /// </summary>
    public abstract class ItemTargetCmdlet : OmnideskConnectedCmdlet
    {
        protected const string ByIdSet = "ById";
        protected const string ByNumberSet = "ByNumber";
        protected const string ByInputObjectSet = "ByInputObject";

        /// <summary>
        /// Whatever names the items: the module's objects, [pscustomobject]s, Import-Csv rows, deserialized objects,
        /// ids, numbers. A PSObject, so PowerShell never converts a piped object into an empty item.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByInputObjectSet, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>How the resource's items are named.</summary>
        private protected abstract ItemIdentity Identity { get; }

        /// <summary>The items the resource's own parameters name (-CaseId, -CaseNumber), when nothing is piped.</summary>
        private protected abstract IEnumerable<ItemRef> Named();

        /// <summary>The parent given as a parameter, to which piped ids belong (-CaseId of a message cmdlet); null when none.</summary>
        private protected virtual long? GivenParentId => null;

        /// <summary>Whether a piped item suits this command; false after writing why not (a note piped to a message cmdlet).</summary>
        private protected virtual bool Accepts(ItemRef item) => true;

        /// <summary>The items of the current record, in order; items that name none are written as errors and skipped.</summary>
        private protected IEnumerable<ItemRef> ItemsOfRecord()
        {
            if (ParameterSetName != ByInputObjectSet)
            {
                foreach (var named in Named()) yield return named;
                yield break;
            }
            foreach (var item in PipedItem.Expand(InputObject))
            {
                var found = ReadPiped(item);
                if (found != null) yield return found;
            }
        }

        /// <summary>One piped item, or null after writing why it names none this command takes.</summary>
        private protected ItemRef ReadPiped(object item)
        {
            var found = Identity.Read(item, GivenParentId, out var error);
            if (error != null)
            {
                WriteErrorInTurn(error);
                return null;
            }
            return Accepts(found) ? found : null;
        }

        /// <summary>How -WhatIf, prompts and messages name an item.</summary>
        private protected virtual string Describe(ItemRef target) => target.ToString();

        /// <summary>
        /// One change to one item: asks (see <see cref="OmnideskCmdlet.Approve"/>), then, in the command's per-item
        /// requests (<see cref="ItemRequests"/>), reads an item given by number for its id (only once approved, so
        /// -WhatIf reads nothing) and sends. A failure is an error on the item's id (on what was given, when its number
        /// cannot be read), and <paramref name="passThru"/> writes the result.
        /// </summary>
        private protected void ApplyTo<T>(ItemRef target, string action, Func<long, OmnideskCallContext, Task<T>> change, bool passThru,
            bool force = false, string irreversibleQuery = null)
        {
            if (!Approve(Describe(target), action, force, irreversibleQuery)) return;
            var errorTarget = target.Item;
            Items.Add(async context =>
            {
                var id = await IdOf(target, context).ConfigureAwait(false);
                errorTarget = id;
                return await change(id, context).ConfigureAwait(false);
            }, result =>
            {
                if (passThru) WriteObject(result);
            }, e => WriteApiError(e, errorTarget));
        }
    }
}
