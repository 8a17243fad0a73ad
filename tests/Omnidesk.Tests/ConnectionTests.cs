using System;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    public sealed class ConnectionTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ConnectionTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        [Fact]
        public void Connect_writes_nothing_without_PassThru_and_the_connection_with_it()
        {
            var quiet = Ps.Run(Ps.Connect, Ps.DemoVariables(_emulator)).AssertNoErrors();
            Assert.Empty(quiet.Output);

            var result = Ps.Run("Connect-Omnidesk -BaseUri $Uri -Credential $Cred -PassThru; Get-OmnideskConnection",
                Ps.DemoVariables(_emulator)).AssertNoErrors();
            var connections = result.Objects<OmnideskConnection>();
            Assert.Equal(2, connections.Count);
            Assert.Same(connections[0], connections[1]);
            Assert.Equal(EmulatorFixture.DemoEmail, connections[0].Email);
            Assert.Equal(_emulator.BaseUri, connections[0].BaseUri);
            // The validation request's rate-limit headers are kept on the connection.
            Assert.True(connections[0].RateLimitPerMinute > 0);
            Assert.True(connections[0].ApiCallsLeft < connections[0].RateLimitPerMinute);
        }

        [Fact]
        public void Connect_with_Email_and_ApiKey_works_like_a_credential()
        {
            var variables = Ps.DemoVariables(_emulator);
            variables["Key"] = Ps.Credential("x", EmulatorFixture.DemoApiKey).Password;
            var result = Ps.Run("Connect-Omnidesk -BaseUri $Uri -Email 'demo@omnidesk.test' -ApiKey $Key -PassThru", variables).AssertNoErrors();
            Assert.Single(result.Objects<OmnideskConnection>());
        }

        [Fact]
        public void A_wrong_api_key_is_a_terminating_error_that_says_what_401_means()
        {
            var variables = Ps.DemoVariables(_emulator);
            variables["Cred"] = Ps.Credential(EmulatorFixture.DemoEmail, "not-the-key");
            var result = Ps.Run("Connect-Omnidesk -BaseUri $Uri -Credential $Cred; 'after'; Get-OmnideskConnection", variables);

            var error = Assert.Single(result.Errors);
            Assert.Equal("OmnideskApi401.wrong_api_key,Omnidesk.Commands.ConnectOmnideskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("did not accept the API key", error.ErrorDetails.Message);
            Assert.Equal(401, ((OmnideskApiException)error.Exception).StatusCode);
            // Statement-terminating: the script goes on, but no connection was made.
            Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void A_wrong_staff_email_is_a_terminating_error_that_says_what_403_means()
        {
            var variables = Ps.DemoVariables(_emulator);
            variables["Cred"] = Ps.Credential("nobody@example.com", EmulatorFixture.DemoApiKey);
            var result = Ps.Run("Connect-Omnidesk -BaseUri $Uri -Credential $Cred", variables);

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("OmnideskApi403.", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("refused the staff e-mail nobody@example.com", error.ErrorDetails.Message);
        }

        [Fact]
        public void Plain_http_is_refused_for_hosts_other_than_loopback_before_any_request()
        {
            var result = Ps.Run("Connect-Omnidesk -BaseUri 'http://acme.example.com' -Credential $Cred", Ps.DemoVariables(_emulator));
            var error = Assert.Single(result.Errors);
            Assert.Equal("OmnideskInsecureUri,Omnidesk.Commands.ConnectOmnideskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("acme", "https://acme.omnidesk.ru/")]
        [InlineData("acme.deskie.io", "https://acme.deskie.io/")]
        [InlineData("support.acme.com", "https://support.acme.com/")]
        [InlineData("https://acme.omnidesk.ru/staff/cases", "https://acme.omnidesk.ru/staff/cases")]
        public void A_domain_becomes_the_account_address(string domain, string expected)
        {
            Assert.Equal(new Uri(expected), Omnidesk.Commands.ConnectOmnideskCommand.DomainToUri(domain));
        }

        [Theory]
        [InlineData("acme", "https://acme.omnidesk.com/")]
        [InlineData("acme.omnidesk.io", "https://acme.omnidesk.io/")]
        [InlineData("support.mybrand.nl", "https://support.mybrand.nl/")]
        public void With_Product_OmnideskCom_an_account_name_is_an_omnidesk_com_host(string domain, string expected)
        {
            Assert.Equal(new Uri(expected), Omnidesk.Commands.ConnectOmnideskCommand.DomainToUri(domain, "omnidesk.com"));
        }

        [Theory]
        [InlineData("mycompany.omnidesk.com", true)]
        [InlineData("MyCompany.Omnidesk.IO", true)]
        [InlineData("acme.omnidesk.nl.", true)]
        [InlineData("omnidesk.com", true)]
        [InlineData("acme.omnidesk.ru", false)]
        [InlineData("acme.deskie.io", false)]
        [InlineData("notomnidesk.com", false)]
        [InlineData("omnidesk.com.evil.example", false)]
        [InlineData("127.0.0.1", false)]
        public void The_product_is_known_from_the_host(string host, bool omnideskCom)
        {
            Assert.Equal(omnideskCom, Omnidesk.Commands.ConnectOmnideskCommand.IsOmnideskComHost(host));
        }

        [Fact]
        public void Cmdlets_fail_clearly_when_not_connected_and_after_disconnect()
        {
            var result = Ps.Run("Get-OmnideskConnection; Get-OmnideskCase -First 1", Ps.DemoVariables(_emulator));
            Assert.Empty(result.Output);
            Assert.Equal("OmnideskNotConnected,Omnidesk.Commands.GetOmnideskCaseCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);

            var after = Ps.Run(Ps.Connect + "$c = Get-OmnideskConnection; Disconnect-Omnidesk; Get-OmnideskConnection; Get-OmnideskCase -First 1 -Connection $c",
                Ps.DemoVariables(_emulator));
            Assert.Empty(after.Output);
            Assert.Equal("OmnideskConnectionClosed,Omnidesk.Commands.GetOmnideskCaseCommand", Assert.Single(after.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Two_runspaces_keep_separate_default_connections()
        {
            using var first = Ps.OpenRunspace();
            using var second = Ps.OpenRunspace();
            var variables = Ps.DemoVariables(_emulator);
            Ps.Run(first, Ps.Connect, variables).AssertNoErrors();
            // The second runspace uses another staff member of the same account.
            variables["Cred"] = Ps.Credential("anna.petrova@omnidesk.test", "anna-api-key");
            Ps.Run(second, Ps.Connect, variables).AssertNoErrors();

            Assert.Equal(EmulatorFixture.DemoEmail, Assert.Single(Ps.Run(first, "Get-OmnideskConnection").Objects<OmnideskConnection>()).Email);
            Assert.Equal("anna.petrova@omnidesk.test", Assert.Single(Ps.Run(second, "Get-OmnideskConnection").Objects<OmnideskConnection>()).Email);

            // Disconnecting one runspace leaves the other connected and working.
            Ps.Run(first, "Disconnect-Omnidesk").AssertNoErrors();
            Assert.Empty(Ps.Run(first, "Get-OmnideskConnection").Output);
            Assert.Single(Ps.Run(second, "Get-OmnideskCase -First 1").AssertNoErrors().Objects<OmnideskCase>());
        }

        [Fact]
        public void The_api_key_never_appears_in_any_stream_with_Verbose_and_Debug()
        {
            const string key = "k3y-S3cr3t-7Qx";
            var host = new TestHost();
            for (var i = 0; i < 50; i++) host.TestUI.ChoiceAnswers.Enqueue(0);
            var variables = Ps.DemoVariables(_emulator);
            variables["Cred"] = Ps.Credential(EmulatorFixture.DemoEmail, key);
            variables["Good"] = Ps.Credential(EmulatorFixture.DemoEmail, EmulatorFixture.DemoApiKey);
            _emulator.AddFaults(new { status = 503 });

            // A failed connect with the secret key, then a working session, all with -Verbose -Debug.
            var result = Ps.Run(@"
                Connect-Omnidesk -BaseUri $Uri -Credential $Cred -Verbose -Debug -RetryBaseDelaySec 0.01
                $c = Connect-Omnidesk -BaseUri $Uri -Credential $Good -PassThru -Verbose -Debug -RetryBaseDelaySec 0.01
                Get-OmnideskCase -First 2 -Verbose -Debug
                Get-OmnideskCase -CaseId 1 -Verbose -Debug
                $c; $c.ToString(); $c | Out-Host
                Get-OmnideskConnection | ForEach-Object { $_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value } }
            ", variables, host);

            Assert.Contains(result.Verbose, v => v.Contains("/api/cases.json"));
            Assert.NotEmpty(result.Debug);
            var everything = new StringBuilder();
            foreach (var o in result.Output) everything.AppendLine(o?.BaseObject?.ToString());
            foreach (var e in result.Errors) everything.AppendLine(e.FullyQualifiedErrorId).AppendLine(e.ToString()).AppendLine(e.Exception?.ToString()).AppendLine(e.ErrorDetails?.Message);
            result.Warnings.ForEach(w => everything.AppendLine(w));
            result.Verbose.ForEach(v => everything.AppendLine(v));
            result.Debug.ForEach(d => everything.AppendLine(d));
            result.Information.ForEach(i => everything.AppendLine(i.MessageData?.ToString()));
            everything.AppendLine(host.TestUI.Text.ToString());
            var text = everything.ToString();
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorFixture.DemoEmail + ":" + key));
            var goodBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorFixture.DemoEmail + ":" + EmulatorFixture.DemoApiKey));
            Assert.DoesNotContain(key, text);
            Assert.DoesNotContain(basic, text);
            Assert.DoesNotContain(goodBasic, text);
            Assert.DoesNotContain(EmulatorFixture.DemoApiKey, text);
            Assert.Contains("OmnideskApi401", text);   // the failure itself is reported
        }
    }
}
