using System;
using System.Collections.Generic;
using System.Linq;

namespace Omnidesk.Emulator
{
    /// <summary>A message, reply or note of a case.</summary>
    public sealed class EmuMessage
    {
        public long MessageId { get; set; }
        /// <summary>0 when the author is staff.</summary>
        public long UserId { get; set; }
        /// <summary>0 when the author is a user.</summary>
        public long StaffId { get; set; }
        public string Content { get; set; } = "";
        public string ContentHtml { get; set; } = "";
        public List<EmuAttachment> Attachments { get; set; } = new();
        public bool Note { get; set; }
        public bool SentViaRule { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset SentAt { get; set; }
        /// <summary>low/middle/high once the user rated this response (PUT /api/cases/{id}/rate/{message_id}.json), else null.</summary>
        public string Rating { get; set; }
        public string RatingComment { get; set; }
        public long? RatedStaffId { get; set; }

        public EmuMessage Clone()
        {
            var m = (EmuMessage)MemberwiseClone();
            m.Attachments = Attachments.Select(a => a.Clone()).ToList();
            return m;
        }
    }
}
