namespace Omnidesk
{
    /// <summary>A cmdlet of Omnidesk.com (API v2): on a connection to omnidesk.ru it fails at once, naming the product it needs.</summary>
    public abstract class ComConnectedCmdlet : OmnideskConnectedCmdlet
    {
        private protected override OmnideskProduct? ServedProduct => OmnideskProduct.OmnideskCom;
    }
}
