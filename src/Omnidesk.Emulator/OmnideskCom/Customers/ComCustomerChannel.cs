namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>A contact address of a customer: an e-mail address, an E.164 phone number, a social handle.</summary>
    public sealed record ComCustomerChannel(long Id, long BrandId, long CustomerId, long ChannelId, string UniqueReference, long LinkedByUserId = 0);
}
