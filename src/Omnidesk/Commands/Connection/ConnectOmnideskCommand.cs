using System;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;

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

        /// <summary>The staff e-mail of an omnidesk.ru account; Omnidesk.com keys stand alone.</summary>
        [Parameter(ParameterSetName = DomainApiKeySet)]
        [Parameter(ParameterSetName = BaseUriApiKeySet)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DomainApiKeySet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriApiKeySet)]
        [ValidateNotNull]
        public SecureString ApiKey { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DemoSet)]
        public SwitchParameter Demo { get; set; }

        /// <summary>Which API the account speaks; known from the host when omitted (*.omnidesk.com, .io, .nl: OmnideskCom).</summary>
        [Parameter]
        public OmnideskProduct Product { get; set; }

        /// <summary>Omnidesk.com: send the API key in the apiKey header (default) or query parameter.</summary>
        [Parameter]
        public OmnideskApiKeyLocation ApiKeyIn { get; set; } = OmnideskApiKeyLocation.Header;

        /// <summary>Omnidesk.com: the time zone of the API's zone-less dates.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string TimeZone { get; set; } = OmnideskClientSettings.DefaultTimeZone;

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
            var product = ResolveProduct(baseUri);
            var settings = new OmnideskClientSettings
            {
                BaseUri = baseUri,
                Product = product,
                ApiKeyLocation = ApiKeyIn,
                TimeZone = TimeZone,
                Credential = ResolveCredential(product),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetryCount = MaxRetryCount,
                RetryBaseDelay = TimeSpan.FromSeconds(RetryBaseDelaySec),
                MaxRetryDelay = TimeSpan.FromSeconds(MaxRetryWaitSec),
                MaxConcurrency = MaxConcurrency,
                UserAgent = "Omnidesk-PowerShell/" + typeof(ConnectOmnideskCommand).Assembly.GetName().Version.ToString(3) +
                            " PowerShell/" + PSVersion(),
            };

            IOmnideskClient client;
            try
            {
                client = EngineBridge.CreateClient(settings);
            }
            catch (ArgumentException e) // a time zone this computer does not know
            {
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskInvalidTimeZone", e.Message, TimeZone));
                return;
            }
            try
            {
                // One cheap request proves the address and the credentials before anything else relies on them. A host
                // that cannot be reached at all is most likely a wrong -Domain/-BaseUri: say so now, not after the retries.
                Await(context => Probe(client, context.WithConnectFailureFinal()));
            }
            catch (OmnideskApiException e) when (product == OmnideskProduct.OmnideskCom && e.StatusCode == 403)
            {
                // The key is valid but may not read tickets: the cmdlets it may use still work.
                WriteVerbose($"The API key may not read tickets ({e.ServerMessage ?? "HTTP 403"}); connected all the same.");
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
            WriteVerbose(connection.Email != null
                ? $"Connected to {connection.BaseUri} as {connection.Email}."
                : $"Connected to {OmnideskErrors.ProductName(product)} at {connection.BaseUri} with an API key (dates in {settings.TimeZone}).");
            if (PassThru) WriteObject(connection);
        }

        /// <summary>The cheapest read of each API: the staff member's filters; one ticket.</summary>
        private static async Task<bool> Probe(IOmnideskClient client, OmnideskCallContext context)
        {
            if (client.Product == OmnideskProduct.OmnideskCom) await client.GetTicketsAsync(null, 1, 1, context).ConfigureAwait(false);
            else await client.GetFiltersAsync(context).ConfigureAwait(false);
            return true;
        }

        /// <summary>-Product, else the host's: *.omnidesk.com, *.omnidesk.io and *.omnidesk.nl are Omnidesk.com; others omnidesk.ru.</summary>
        private OmnideskProduct ResolveProduct(Uri baseUri)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Product))) return Product;
            return !Demo && IsOmnideskComHost(baseUri.Host) ? OmnideskProduct.OmnideskCom : OmnideskProduct.OmnideskRu;
        }

        internal static bool IsOmnideskComHost(string host)
        {
            host = host.TrimEnd('.').ToLowerInvariant();
            foreach (var suffix in new[] { "omnidesk.com", "omnidesk.io", "omnidesk.nl" })
                if (host == suffix || host.EndsWith("." + suffix, StringComparison.Ordinal)) return true;
            return false;
        }

        private Uri ResolveBaseUri()
        {
            Uri uri;
            if (Demo) uri = DemoEmulator.EnsureRunning(this);
            else if (BaseUri != null) uri = BaseUri;
            else
            {
                var comAccount = MyInvocation.BoundParameters.ContainsKey(nameof(Product)) && Product == OmnideskProduct.OmnideskCom;
                try { uri = DomainToUri(Domain, comAccount ? "omnidesk.com" : "omnidesk.ru"); }
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

        internal static Uri DomainToUri(string domain, string accountSuffix = "omnidesk.ru")
        {
            domain = domain.Trim();
            if (domain.IndexOf("://", StringComparison.Ordinal) >= 0) return new Uri(domain);
            domain = domain.TrimEnd('/');
            // A bare account name is a subdomain of the product's host (omnidesk.ru unless -Product OmnideskCom); anything
            // with a dot is a host of its own (Deskie, custom domains).
            var host = domain.IndexOf('.') >= 0 ? domain : domain + "." + accountSuffix;
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
                throw new ArgumentException($"'{domain}' is neither an Omnidesk account name nor a host name.");
            return new Uri("https://" + host + "/");
        }

        /// <summary>omnidesk.ru: the staff e-mail and API key. Omnidesk.com: the API key alone (-Credential: its password).</summary>
        private NetworkCredential ResolveCredential(OmnideskProduct product)
        {
            var com = product == OmnideskProduct.OmnideskCom;
            if (Demo) return com ? new NetworkCredential("", DemoEmulator.ComApiKey) : new NetworkCredential(DemoEmulator.Email, DemoEmulator.ApiKey);
            if (Credential != null) return com ? new NetworkCredential("", Credential.Password) : new NetworkCredential(Credential.UserName, Credential.Password);
            if (!com && string.IsNullOrEmpty(Email))
                ThrowTerminatingError(OmnideskErrors.InvalidArgument("OmnideskEmailMissing",
                    "An omnidesk.ru (Deskie) API key belongs to a staff member: give the staff e-mail with -Email. " +
                    "(An Omnidesk.com key stands alone: use -Product OmnideskCom, or a *.omnidesk.com -Domain.)", null));
            return com ? new NetworkCredential("", ApiKey) : new NetworkCredential(Email, ApiKey);
        }

        /// <summary>What a failed check means, in the product's words, with the way to fix the credentials when they are the cause.</summary>
        private static ErrorRecord ConnectFailed(OmnideskApiException e, OmnideskClientSettings settings)
        {
            var com = settings.Product == OmnideskProduct.OmnideskCom;
            var product = com ? "Omnidesk.com" : "Omnidesk";
            var email = settings.Credential.UserName;
            string message, fix = null;
            switch (e.StatusCode)
            {
                case 401 when com:
                    message = $"Omnidesk.com at {settings.BaseUri} did not accept the API key (HTTP 401{(e.ServerMessage == null ? "" : ": " + e.ServerMessage)}). " +
                              "Create or copy an API key in Omnidesk (admin settings, API keys) and give it as -ApiKey, or as the password of -Credential.";
                    fix = "Connect-Omnidesk -Domain <account>.omnidesk.com -ApiKey (Read-Host -AsSecureString 'API key')";
                    break;
                case 401:
                    message = $"Omnidesk at {settings.BaseUri} did not accept the API key for {email} (HTTP 401). " +
                              "Use the API key from the agent area (Profile > API) as the password of -Credential, or as -ApiKey.";
                    fix = "Connect-Omnidesk -Domain <account> -Credential (Get-Credential <staff e-mail>)";
                    break;
                case 403 when !com:
                    message = $"Omnidesk at {settings.BaseUri} refused the staff e-mail {email} (HTTP 403): it is not a staff member of this account, " +
                              "or API access is not enabled for it.";
                    fix = "Connect-Omnidesk -Domain <account> -Credential (Get-Credential <staff e-mail>)";
                    break;
                case 404:
                    message = com
                        ? $"No Omnidesk.com API answers at {settings.BaseUri}api/v2/ (HTTP 404). Check -Domain or -BaseUri, and -Product."
                        : $"No Omnidesk account answers at {settings.BaseUri} (HTTP 404). Check -Domain or -BaseUri.";
                    break;
                case null when e.Kind == OmnideskFailureKind.Network || e.Kind == OmnideskFailureKind.Timeout:
                    message = $"Could not connect to {product} at {settings.BaseUri}: {e.Message} " +
                              "Check -Domain or -BaseUri, and that this computer can reach that host (network, proxy, firewall).";
                    break;
                default:
                    message = $"Could not connect to {product} at {settings.BaseUri}: {e.Message}";
                    break;
            }
            var record = OmnideskErrors.ToErrorRecord(e, settings.BaseUri);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = fix };
            return record;
        }

        private string PSVersion()
        {
            var table = GetVariableValue("PSVersionTable") as System.Collections.IDictionary;
            return Convert.ToString(table?["PSVersion"], CultureInfo.InvariantCulture) ?? "unknown";
        }
    }
}
