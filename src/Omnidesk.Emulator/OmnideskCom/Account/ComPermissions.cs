namespace Omnidesk.Emulator.OmnideskCom
{
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
