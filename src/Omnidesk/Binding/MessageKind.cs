namespace Omnidesk
{
    /// <summary>The two kinds of message of a case, which the API keeps apart: a response, and an internal note.</summary>
    internal enum MessageKind
    {
        Response,
        Note,
    }

    internal static class MessageKinds
    {
        /// <summary>How messages and errors call the kind: "response", "note".</summary>
        public static string Noun(this MessageKind kind) => kind == MessageKind.Note ? "note" : "response";

        /// <summary>The resource the kind lives in (notes have paths of their own).</summary>
        public static OmnideskResource Resource(this MessageKind kind) =>
            kind == MessageKind.Note ? (OmnideskResource)OmnideskResources.Note : OmnideskResources.Message;
    }
}
