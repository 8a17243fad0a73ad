namespace Omnidesk
{
    /// <summary>A cmdlet of Omnidesk.com (API v2): on a connection to omnidesk.ru it fails at once, naming the product it needs.</summary>
    public abstract class ComConnectedCmdlet : OmnideskConnectedCmdlet
    {
        private protected override OmnideskProduct? ServedProduct => OmnideskProduct.OmnideskCom;
    }

    /// <summary>A list cmdlet of Omnidesk.com (API v2).</summary>
    public abstract class ComListCmdlet<T> : ResourceListCmdlet<T> where T : class
    {
        private protected override OmnideskProduct? ServedProduct => OmnideskProduct.OmnideskCom;
    }
}
