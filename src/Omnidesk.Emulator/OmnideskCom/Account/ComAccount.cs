using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// The demo account's fixed parts: brands, groups, channels and API keys. The API has no endpoint for brands or groups
    /// (§7.2): they show only as ids and names on tickets and customers.
    /// </summary>
    public static class ComAccount
    {
        public static readonly IReadOnlyList<ComNamed> Brands = new[]
        {
            new ComNamed(1, "Omnidesk Demo"), new ComNamed(2, "MyBrand"),
        };

        public static readonly IReadOnlyList<ComNamed> Groups = new[]
        {
            new ComNamed(10001, "General"), new ComNamed(10002, "Finance"), new ComNamed(10003, "Customer Support"),
        };

        /// <summary>1 e-mail, 2 telephone and 8 live chat are documented; the names of the other ids are not, so none is seeded.</summary>
        public static readonly IReadOnlyList<ComNamed> Channels = new[]
        {
            new ComNamed(1, "e-mail", "e-mail"), new ComNamed(2, "telephone", "telephone"), new ComNamed(8, "live chat", "chat"),
        };

        /// <summary>The kinds a customer's contact channel takes on customer create (a string, not the numeric id).</summary>
        public static readonly IReadOnlyDictionary<string, ComNamed> CustomerChannelKinds = new Dictionary<string, ComNamed>
        {
            ["email"] = new ComNamed(1, "e-mail", "e-mail"),
            ["telephone"] = new ComNamed(2, "telephone", "telephone"),
            ["facebook"] = new ComNamed(3, "facebook", "facebook"),
            ["twitter"] = new ComNamed(5, "twitter", "twitter"),
        };

        public const string DemoKey = "demo-com-api-key";
        public const string NoStatusKey = "nostatus-com-api-key";
        public const string ReadOnlyKey = "readonly-com-api-key";

        public static readonly IReadOnlyList<ComApiKey> Keys = new[]
        {
            new ComApiKey(DemoKey, "Demo (every permission)", ComPermissions.All.ToHashSet()),
            new ComApiKey(NoStatusKey, "Agent without SET_STATUS", ComPermissions.All.Where(p => p != ComPermissions.SetStatus).ToHashSet()),
            new ComApiKey(ReadOnlyKey, "Read only", new HashSet<string>
            {
                ComPermissions.TicketRead, ComPermissions.CustomerRead, ComPermissions.UserRead, ComPermissions.ViewRead,
            }),
        };

        public static ComApiKey FindKey(string key) => Keys.FirstOrDefault(k => k.Key == key);

        public static ComNamed Brand(long id) => Brands.FirstOrDefault(b => b.Id == id);
        public static ComNamed Group(long id) => Groups.FirstOrDefault(g => g.Id == id);
        public static ComNamed Channel(long id) => Channels.FirstOrDefault(c => c.Id == id) ?? CustomerChannelKinds.Values.FirstOrDefault(c => c.Id == id);
    }
}
