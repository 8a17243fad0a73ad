namespace Omnidesk.Emulator
{
    /// <summary>A file attached to a message.</summary>
    public sealed class EmuAttachment
    {
        public long FileId { get; set; }
        public string FileName { get; set; }
        public long FileSize { get; set; }
        public string MimeType { get; set; }
        /// <summary>"/files/{file_id}/{file_name}": relative; the JSON writer prefixes the request's own scheme and host.</summary>
        public string Url { get; set; }
        /// <summary>The bytes came with the request (multipart); seeded and attachment_urls files are generated on demand.</summary>
        public bool Uploaded { get; set; }

        public EmuAttachment Clone() => (EmuAttachment)MemberwiseClone();
    }
}
