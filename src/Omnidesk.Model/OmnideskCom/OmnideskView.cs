namespace Omnidesk
{
    /// <summary>An Omnidesk.com view (GET /api/v2/view): a saved ticket selection, which Get-OmnideskTicket -View applies.</summary>
    public sealed class OmnideskView
    {
        /// <summary>The API's id.</summary>
        public long ViewId { get; set; }
        public string Name { get; set; }
        public string Slug { get; set; }
        /// <summary>The view's conditions as the API describes them.</summary>
        public OmnideskCustomFields Conditions { get; set; } = new OmnideskCustomFields();

        public override string ToString() => $"View {ViewId} '{Name}'";
    }
}
