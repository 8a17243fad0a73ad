using System.Globalization;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// itemStart (0-based offset, default 0) and itemLimit (default 15, at most the endpoint's maximum: §3.4). A value
    /// out of range or not a number → 400 "Invalid value for itemLimit." (E6; the rejection is a guess).
    /// </summary>
    public readonly record struct ComPage(int Start, int Limit)
    {
        public const int DefaultLimit = 15;

        public static ComResult TryParse(ComRequest r, int maxLimit, out ComPage page)
        {
            page = new ComPage(0, DefaultLimit);
            int start = 0, limit = DefaultLimit;
            string s = r.Text("itemStart");
            if (s != null && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
                return ComResult.Invalid("itemStart");
            s = r.Text("itemLimit");
            if (s != null && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
                return ComResult.Invalid("itemLimit");
            page = new ComPage(start, limit);
            return null;
        }
    }
}
