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

        /// <summary>Sends an approved change; writes the result when <paramref name="passThru"/>, a failure as an error on <paramref name="errorTarget"/>.</summary>
        protected void Send<T>(Func<OmnideskCallContext, Task<T>> change, bool passThru, object errorTarget)
        {
            T result;
            try
            {
                result = Await(change);
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, errorTarget);
                return;
            }
            if (passThru) WriteObject(result);
        }

        /// <summary>Ids read for numbers in this command, by resource path and number ("cases/664-245651").</summary>
        private readonly Dictionary<string, long> _idsByNumber = new Dictionary<string, long>();

        /// <summary>
        /// The item's id; an item given by number is read once per command to learn it (the API's answer carries it).
        /// Null, after an error on the item, when it cannot be read.
        /// </summary>
        private protected long? ResolveId(ItemRef target)
        {
            if (target.Id.HasValue) return target.Id;
            var key = target.Identity.Resource.Path + "/" + target.Number;
            if (_idsByNumber.TryGetValue(key, out var known)) return known;
            try
            {
                var id = Await(context => target.Identity.IdOfNumber(Client, target.Number, context));
                _idsByNumber[key] = id;
                return id;
            }
            catch (OmnideskApiException e)
            {
                WriteApiError(e, target.Item);
                return null;
            }
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
                    _resolved = connection;
                }
                return _resolved.Client;
            }
        }
    }
}
