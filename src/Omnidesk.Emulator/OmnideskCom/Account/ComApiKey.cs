using System.Collections.Generic;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>An API key of the account and the permissions granted to it (§2).</summary>
    public sealed record ComApiKey(string Key, string Name, IReadOnlySet<string> Permissions)
    {
        public bool Can(string permission) => Permissions.Contains(permission);
    }

    /// <summary>The permission names of §2 that the served endpoints need.</summary>
    public static class ComPermissions
    {
        public const string TicketRead = "TICKET_READ";
        public const string TicketCreate = "TICKET_CREATE";
        public const string TicketUpdate = "TICKET_UPDATE";
        public const string TicketDelete = "TICKET_DELETE";
        public const string SetStatus = "SET_STATUS";
        public const string MessageCreate = "MESSAGE_CREATE";
        public const string CustomerRead = "CUSTOMER_READ";
        public const string CustomerCud = "CUSTOMER_CUD";
        public const string UserRead = "USER_READ";
        public const string ViewRead = "VIEW_READ";

        public static readonly string[] All =
        {
            TicketRead, TicketCreate, TicketUpdate, TicketDelete, SetStatus, MessageCreate, CustomerRead, CustomerCud, UserRead, ViewRead,
        };
    }
}
