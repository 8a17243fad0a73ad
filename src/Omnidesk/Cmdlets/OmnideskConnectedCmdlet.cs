using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Omnidesk
{
    /// <summary>A cmdlet that talks to an account: -Connection, or the runspace's default from Connect-Omnidesk.</summary>
    public abstract class OmnideskConnectedCmdlet : OmnideskCmdlet
    {
        /// <summary>How many requests this command may have under way at once (Connect-Omnidesk -MaxConcurrency).</summary>
        protected internal int Concurrency => Math.Max(1, _concurrency ?? (_concurrency = Client.Settings.MaxConcurrency).Value);

        private int? _concurrency;

        [Parameter]
        [ValidateNotNull]
        public OmnideskConnection Connection { get; set; }

        private OmnideskConnection _resolved;

        /// <summary>The product this cmdlet serves (<see cref="OmnideskProduct.OmnideskRu"/> unless it says so); null: both.</summary>
        private protected virtual OmnideskProduct? ServedProduct => OmnideskProduct.OmnideskRu;

        /// <summary>A connection to the other product fails the command at once, before any input is read.</summary>
        protected override void BeginProcessing()
        {
            var connection = Connection ?? DefaultConnections.Current;
            if (connection != null && !connection.IsClosed) CheckProduct(connection);
        }

        private void CheckProduct(OmnideskConnection connection)
        {
            var served = ServedProduct;
            if (served.HasValue && connection.Product != served.Value)
                ThrowTerminatingError(OmnideskErrors.WrongProduct(MyInvocation.MyCommand.Name, served.Value, connection));
        }

        /// <summary>
        /// The command's per-item requests: up to <see cref="Concurrency"/> at once, their outcomes written in the order
        /// the items came. Whatever a command writes about an item goes through it (<see cref="ItemRequests.Deliver"/>).
        /// </summary>
        private protected ItemRequests Items => _items ?? (_items = new ItemRequests(this));

        private ItemRequests _items;

        private protected override int RequestLimit => Concurrency;

        /// <summary>Writes the outcomes still waiting; a command that overrides this calls it before its own end.</summary>
        protected override void EndProcessing() => _items?.WriteAll();

        /// <summary>An error about an item's input, written in the item's turn.</summary>
        private protected void WriteErrorInTurn(ErrorRecord error) => Items.Deliver(() => WriteError(error));

        /// <summary>Ids being read, or read, for numbers in this command, by resource path and number ("cases/664-245651").</summary>
        private readonly Dictionary<string, Task<long>> _idsByNumber = new Dictionary<string, Task<long>>();

        /// <summary>
        /// The item's id; an item given by number is read once per command to learn it (the API's answer carries it),
        /// and items that come with the same number while it is read wait for that one read. Call it on the pipeline
        /// thread (the start of an item's work is); a read that failed is tried again for the next item.
        /// </summary>
        private protected Task<long> IdOf(ItemRef target, OmnideskCallContext context)
        {
            if (target.Id.HasValue) return Task.FromResult(target.Id.Value);
            var key = target.Identity.Resource.Path + "/" + target.Number;
            if (!_idsByNumber.TryGetValue(key, out var read) || read.IsFaulted || read.IsCanceled)
                _idsByNumber[key] = read = target.Identity.IdOfNumber(Client, target.Number, context);
            return read;
        }

        /// <summary>The connection to use; a terminating error when there is none or it was disconnected.</summary>
        protected internal IOmnideskClient Client
        {
            get
            {
                if (_resolved == null)
                {
                    var connection = Connection ?? DefaultConnections.Current;
                    if (connection == null)
                        ThrowTerminatingError(OmnideskErrors.NotConnected());
                    if (connection.IsClosed)
                        ThrowTerminatingError(OmnideskErrors.Disconnected(connection));
                    CheckProduct(connection);
                    _resolved = connection;
                }
                return _resolved.Client;
            }
        }
    }
}
