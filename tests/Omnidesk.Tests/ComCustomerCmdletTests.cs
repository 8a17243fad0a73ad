using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Omnidesk.Tests.Infrastructure;
using Xunit;

namespace Omnidesk.Tests
{
    /// <summary>
    /// The Omnidesk.com customer cmdlets' exact requests: piped customer ids read one GET each, up to -MaxConcurrency at
    /// once, written in input order under random latency; a long list pages by itemStart/itemLimit of -PageSize;
    /// Set-OmnideskCustomer -PassThru's read-backs. Counted from the emulator's request log (what the server saw).
    /// </summary>
    public sealed class ComCustomerCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
    {
        private const string ComKey = "demo-com-api-key";
        private const long FirstCustomer = 626800;
        private const int SeededCustomers = 80;

        private readonly EmulatorFixture _emulator;

        public ComCustomerCmdletTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
            _emulator.Reset();
        }

        public void Dispose() => _emulator.Configure(new { latency_ms = 0, latency_jitter_ms = 0 });

        private Dictionary<string, object> Variables(object items = null) => new()
        {
            ["Uri"] = _emulator.BaseUri,
            ["Key"] = ComKey,
            ["Items"] = items,
        };

        private static string Connect(int maxConcurrency) =>
            "Connect-Omnidesk -BaseUri $Uri -Product OmnideskCom -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) " +
            $"-RetryBaseDelaySec 0.01 -MaxConcurrency {maxConcurrency}\n";

        private static bool IsCustomerRead(EmulatorRequest r) => r.Method == "GET" && Regex.IsMatch(r.Path, @"^/api/v2/customer/\d+$");

        private static bool IsCustomerList(EmulatorRequest r) => r.Method == "GET" && r.Path == "/api/v2/customer";

        private static int? QueryNumber(EmulatorRequest r, string name)
        {
            var match = Regex.Match(r.Query, "[?&]" + name + @"=(\d+)");
            return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Piped_ids_make_one_GET_each_at_most_MaxConcurrency_at_once_written_in_input_order(int maxConcurrency)
        {
            // Every other seeded customer, backwards: answers overtake one another under the jitter.
            var ids = Enumerable.Range(0, 20).Select(i => FirstCustomer + SeededCustomers - 1 - 2 * i).Cast<object>().ToArray();
            using var runspace = Ps.OpenRunspace();
            Ps.Run(runspace, Connect(maxConcurrency), Variables()).AssertNoErrors();
            _emulator.Configure(new { latency_ms = 40, latency_jitter_ms = 30 });
            _emulator.ClearRequests();

            var result = Ps.Run(runspace, "$Items | Get-OmnideskCustomer", Variables(ids)).AssertNoErrors();
            var requests = _emulator.Requests();
            var inFlight = _emulator.MaxRequestsInFlight();

            Assert.Equal(ids.Cast<long>(), result.Objects<OmnideskCustomer>().Select(c => c.CustomerId));
            Assert.All(result.Objects<OmnideskCustomer>(), c => Assert.NotEmpty(c.Channels));
            Assert.Equal(ids.Length, requests.Count);
            Assert.All(requests, r => Assert.True(IsCustomerRead(r), r.Method + " " + r.Path));
            Assert.Equal(ids.Select(id => "/api/v2/customer/" + id).OrderBy(p => p), requests.Select(r => r.Path).OrderBy(p => p));
            Assert.True(inFlight <= maxConcurrency, $"{inFlight} requests in flight at once, -MaxConcurrency {maxConcurrency}");
            if (maxConcurrency > 1) Assert.True(inFlight > 1, "the reads were not concurrent");
        }

        [Fact]
        public void A_missing_customer_is_one_error_in_its_place_and_the_others_are_read_once()
        {
            var ids = new object[] { FirstCustomer + 3, 999L, FirstCustomer + 1, 0L, FirstCustomer };
            using var runspace = Ps.OpenRunspace();
            Ps.Run(runspace, Connect(4), Variables()).AssertNoErrors();
            _emulator.ClearRequests();

            var result = Ps.Run(runspace, "$Items | Get-OmnideskCustomer -ErrorAction Continue", Variables(ids));

            Assert.Equal(new[] { FirstCustomer + 3, FirstCustomer + 1, FirstCustomer }, result.Objects<OmnideskCustomer>().Select(c => c.CustomerId));
            Assert.Equal(new object[] { 999L, 0L }, result.Errors.Select(e => e.TargetObject));
            Assert.Equal("OmnideskApi400.customer_not_found,Omnidesk.Commands.GetOmnideskCustomerCommand", result.Errors[0].FullyQualifiedErrorId);
            Assert.Equal("OmnideskNoCustomer,Omnidesk.Commands.GetOmnideskCustomerCommand", result.Errors[1].FullyQualifiedErrorId);
            // Customer 0 is never asked for; each other id once.
            Assert.Equal(4, _emulator.Requests().Count);
            Assert.DoesNotContain(_emulator.Requests(), r => r.Path == "/api/v2/customer/0");
        }

        [Fact]
        public void A_list_of_250_customers_at_PageSize_99_takes_three_requests_at_itemStart_0_99_198()
        {
            // 170 more customers through the API itself, so the list holds 250.
            Ps.Run("foreach ($n in 1..170) { $null = Invoke-RestMethod -Method Post -Uri ($Uri.AbsoluteUri + 'api/v2/customer') " +
                   "-Headers @{ apiKey = $Key } -Body @{ brand_id = 1; channel_id = 'email'; customer_link_channel = \"bulk$n@example.test\"; firstname = \"Bulk$n\" } }",
                Variables()).AssertNoErrors();
            using var runspace = Ps.OpenRunspace();
            Ps.Run(runspace, Connect(4), Variables()).AssertNoErrors();
            _emulator.ClearRequests();

            var result = Ps.Run(runspace, "Get-OmnideskCustomer -PageSize 99", Variables()).AssertNoErrors();
            var requests = _emulator.Requests();

            var customers = result.Objects<OmnideskCustomer>();
            Assert.Equal(250, customers.Count);
            Assert.Equal(250, customers.Select(c => c.CustomerId).Distinct().Count());
            Assert.Equal(customers.Select(c => c.CustomerId).OrderBy(id => id), customers.Select(c => c.CustomerId));
            Assert.Equal(3, requests.Count);
            Assert.All(requests, r => Assert.True(IsCustomerList(r)));
            // The first page sends no itemStart: the API's default, 0.
            Assert.Equal(new[] { 0, 99, 198 }, requests.Select(r => QueryNumber(r, "itemStart") ?? 0).OrderBy(s => s));
            Assert.All(requests, r => Assert.Equal(99, QueryNumber(r, "itemLimit")));
        }

        [Fact]
        public void Set_with_PassThru_makes_one_PUT_then_one_list_search_and_one_GET_per_customer()
        {
            var primaryIds = new object[] { "20164564646592000", "20164564646592002", "20164564646592004" };
            using var runspace = Ps.OpenRunspace();
            Ps.Run(runspace, Connect(4), Variables()).AssertNoErrors();
            _emulator.ClearRequests();

            var result = Ps.Run(runspace, "$Items | ForEach-Object { [pscustomobject]@{ external_primary_id = $_ } } | Set-OmnideskCustomer -Lastname 'Renamed' -PassThru", Variables(primaryIds)).AssertNoErrors();
            var requests = _emulator.Requests();

            var customers = result.Objects<OmnideskCustomer>();
            Assert.Equal(new[] { FirstCustomer, FirstCustomer + 2, FirstCustomer + 4 }, customers.Select(c => c.CustomerId));
            Assert.All(customers, c => Assert.Equal("Renamed", c.Lastname));
            Assert.Equal(3, requests.Count(r => r.Method == "PUT" && r.Path == "/api/v2/customer/updateCustomer"));
            Assert.Equal(3, requests.Count(IsCustomerList));
            Assert.Equal(3, requests.Count(IsCustomerRead));
            Assert.Equal(9, requests.Count);
            // Each customer's read-backs come after its own update.
            foreach (var id in primaryIds.Cast<string>())
            {
                var search = requests.ToList().FindIndex(r => IsCustomerList(r) && r.Query.Contains("query=" + id));
                Assert.True(search > 0, "no search for " + id);
            }

            _emulator.ClearRequests();
            Ps.Run(runspace, "$Items | ForEach-Object { [pscustomobject]@{ ExternalPrimaryId = $_ } } | Set-OmnideskCustomer -Lastname 'Again'", Variables(primaryIds)).AssertNoErrors();
            Assert.Equal(new[] { "PUT", "PUT", "PUT" }, _emulator.Requests().Select(r => r.Method));
        }
    }
}
