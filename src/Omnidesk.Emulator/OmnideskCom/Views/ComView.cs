using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// A saved ticket view (GET /api/v2/view, applyView on GET ticket). Its conditions: the statuses it shows, optionally
    /// one group, optionally only unassigned tickets. The view object is undocumented; this shape is ours.
    /// </summary>
    public sealed record ComView(long Id, string Name, string Slug, IReadOnlyList<string> Statuses, long GroupId = 0, bool UnassignedOnly = false)
    {
        public bool Matches(ComTicket t) =>
            (Statuses.Count == 0 || Statuses.Contains(t.Status)) &&
            (GroupId == 0 || t.AssignedGroupId == GroupId) &&
            (!UnassignedOnly || t.AssignedUserId == 0);
    }
}
