using System;

namespace Omnidesk
{
    /// <summary>A cmdlet of Omnidesk.com (API v2): on a connection to omnidesk.ru it fails at once, naming the product it needs.</summary>
    public abstract class ComConnectedCmdlet : OmnideskConnectedCmdlet
    {
        private protected override OmnideskProduct? ServedProduct => OmnideskProduct.OmnideskCom;

        /// <summary>
        /// Builds an item's body, so that what the API would refuse (a missing field, a bad value) is refused here, before
        /// anything is sent: false after one InvalidArgument error in the item's turn, naming <paramref name="target"/>.
        /// </summary>
        private protected bool Accepts(Func<OmnideskForm> body, string errorId, object target)
        {
            try
            {
                body();
                return true;
            }
            catch (ArgumentException e)
            {
                WriteErrorInTurn(OmnideskErrors.InvalidArgument(errorId, e.Message, target));
                return false;
            }
        }
    }
}
