using System;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// A route of /api/v2: the method, the controller, the action (null for the collection or an item), whether an id
    /// segment follows, the permission the key needs, and the handler. Names are lower-case; requests match them in any case.
    /// </summary>
    public sealed record ComRoute(string Method, string Controller, string Action, bool HasId, string Permission, Func<ComRequest, ComResult> Handler);
}
