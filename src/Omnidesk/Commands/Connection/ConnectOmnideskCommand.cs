using System;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace Omnidesk.Commands
{
    [Cmdlet(VerbsCommunications.Connect, "Omnidesk", DefaultParameterSetName = DomainCredentialSet)]
    [OutputType(typeof(OmnideskConnection))]
    public sealed class ConnectOmnideskCommand : OmnideskCmdlet
    {
        private const string DomainCredentialSet = "DomainCredential";
        private const string DomainApiKeySet = "DomainApiKey";
        private const string BaseUriCredentialSet = "BaseUriCredential";
        private const string BaseUriApiKeySet = "BaseUriApiKey";
        private const string DemoSet = "Demo";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DomainCredentialSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DomainApiKeySet)]
        [ValidateNotNullOrEmpty]
        public string Domain { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = BaseUriCredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriApiKeySet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = DomainCredentialSet)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = BaseUriCredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DomainApiKeySet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriApiKeySet)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DomainApiKeySet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriApiKeySet)]
        [ValidateNotNull]
        public SecureString ApiKey { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DemoSet)]
        public SwitchParameter Demo { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetryCount { get; set; } = 5;

        [Parameter]
        [ValidateRange(0.0, 60.0)]
        public double RetryBaseDelaySec { get; set; } = 1.0;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int MaxRetryWaitSec { get; set; } = 60;

        /// <summary>How many requests one command may have under way at once (pages read ahead, bulk writes).</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int MaxConcurrency { get; set; } = 4;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var baseUri = ResolveBaseUri();
            var settings = new OmnideskClientSettings
            {
                BaseUri = baseUri,
                Credential = ResolveCredential(),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetryCount = MaxRetryCount,
                RetryBaseDelay = TimeSpan.FromSeconds(RetryBaseDelaySec),
                MaxRetryDelay = TimeSpan.FromSeconds(MaxRetryWaitSec),
                MaxConcurrency = MaxConcurrency,
                UserAgent = "Omnidesk-PowerShell/" + typeof(ConnectOmnideskCommand).Assembly.GetName().Version.ToString(3) +
                            " PowerShell/" + PSVersion(),
            };

            var client = EngineBridge.CreateClient(settings);
            try
            {
                // One cheap request proves the address and the credentials before anything else relies on them. A host
                // that cannot be reached at all is most likely a wrong -Domain/-BaseUri: say so now, not after the retries.
                Await(context => client.GetFiltersAsync(context.WithConnectFailureFinal()));
            }
            catch (OmnideskApiException e)
            {
                client.Dispose();
                ThrowTerminatingError(ConnectFailed(e, settings));
            }
            catch
            {
                client.Dispose();
                throw;
            }

            var connection = new OmnideskConnection(client, Demo.IsPresent);
            DefaultConnections.Set(connection);
            WriteVerbose($"Connected to {connection.BaseUri} as {connection.Email}.");
            if (PassThru) WriteObject(connection);
        }

        private Uri ResolveBaseUri()
        {
            Uri uri;
            if (Demo) uri = DemoEmulator.EnsureRunning(this);
            else if (BaseUri != null) uri = BaseUri;
            else
            {
                try { uri = DomainToUri(Domain); }
                catch (ArgumentException e) { ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidDomain", e.Message, Domain)); return null; }
            }

            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidBaseUri",
                    $"'{uri}' is not an http(s) address of an Omnidesk account.", uri));
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInsecureUri",
                    $"Refusing to send credentials over plain http to {uri.Host}. Use https:// (http:// is allowed only for loopback addresses such as the local emulator).", uri));
            // The API lives under /api/ of the account's root; keep only scheme, host and port.
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        internal static Uri DomainToUri(string domain)
        {
            domain = domain.Trim();
            if (domain.IndexOf("://", StringComparison.Ordinal) >= 0) return new Uri(domain);
            domain = domain.TrimEnd('/');
            // A bare account name is an omnidesk.ru subdomain; anything with a dot is a host of its own (Deskie, custom domains).
            var host = domain.IndexOf('.') >= 0 ? domain : domain + ".omnidesk.ru";
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
                throw new ArgumentException($"'{domain}' is neither an Omnidesk account name nor a host name.");
            return new Uri("https://" + host + "/");
        }

        private NetworkCredential ResolveCredential()
        {
            if (Demo) return new NetworkCredential(DemoEmulator.Email, DemoEmulator.ApiKey);
            if (Credential != null) return new NetworkCredential(Credential.UserName, Credential.Password);
            return new NetworkCredential(Email, ApiKey);
        }

        private static ErrorRecord ConnectFailed(OmnideskApiException e, OmnideskClientSettings settings)
        {
            var email = settings.Credential.UserName;
            string message;
            switch (e.StatusCode)
            {
                case 401:
                    message = $"Omnidesk at {settings.BaseUri} did not accept the API key for {email} (HTTP 401). " +
                              "Use the API key from the agent area (Profile > API) as the password of -Credential, or as -ApiKey.";
                    break;
                case 403:
                    message = $"Omnidesk at {settings.BaseUri} refused the staff e-mail {email} (HTTP 403): it is not a staff member of this account, " +
                              "or API access is not enabled for it.";
                    break;
                case 404:
                    message = $"No Omnidesk account answers at {settings.BaseUri} (HTTP 404). Check -Domain or -BaseUri.";
                    break;
                case null when e.Kind == OmnideskFailureKind.Network || e.Kind == OmnideskFailureKind.Timeout:
                    message = $"Could not connect to Omnidesk at {settings.BaseUri}: {e.Message} " +
                              "Check -Domain or -BaseUri, and that this computer can reach that host (network, proxy, firewall).";
                    break;
                default:
                    message = $"Could not connect to Omnidesk at {settings.BaseUri}: {e.Message}";
                    break;
            }
            var record = OmnideskErrors.ToErrorRecord(e, settings.BaseUri);
            record.ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = e.StatusCode == 401 || e.StatusCode == 403
                    ? "Connect-Omnidesk -Domain <account> -Credential (Get-Credential <staff e-mail>)"
                    : null
            };
            return record;
        }

        private string PSVersion()
        {
            var table = GetVariableValue("PSVersionTable") as System.Collections.IDictionary;
            return Convert.ToString(table?["PSVersion"], CultureInfo.InvariantCulture) ?? "unknown";
        }
    }
}
