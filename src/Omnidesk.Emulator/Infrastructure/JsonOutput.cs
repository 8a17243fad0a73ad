using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Omnidesk.Emulator
{
    /// <summary>
    /// The JSON the API sends, common to every resource: errors, dates, envelopes. Each resource's item writer is in its
    /// folder (CaseJson, MessageJson, …).
    /// </summary>
    public static class JsonOutput
    {
        // relaxed escaping: "+0300" and non-ASCII text go out literally, as the real API sends them
        static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static byte[] Write(Action<Utf8JsonWriter> body)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, WriterOptions)) body(w);
            return ms.ToArray();
        }

        public static byte[] Error(string code) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", code);
            w.WriteEndObject();
        });

        /// <summary>RFC 2822 with the account's +0300 offset: "Mon, 05 May 2014 00:15:17 +0300".</summary>
        public static string FormatDate(DateTimeOffset t)
        {
            string s = t.ToOffset(Seeder.Anchor.Offset).ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
            return s.Remove(s.Length - 3, 1); // "+03:00" → "+0300"
        }

        /// <summary>{"&lt;key&gt;":{…}}</summary>
        public static byte[] Item<T>(string key, T item, Action<Utf8JsonWriter, T> write) => Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName(key);
            write(w, item);
            w.WriteEndObject();
        });

        /// <summary>The numbered envelope of a list: {"0":{"&lt;key&gt;":{…}},"1":…,"total_count":N}.</summary>
        public static byte[] NumberedList<T>(string key, IReadOnlyList<T> page, int total, Action<Utf8JsonWriter, T> write) => Write(w =>
        {
            w.WriteStartObject();
            for (int i = 0; i < page.Count; i++)
            {
                w.WriteStartObject(i.ToString(CultureInfo.InvariantCulture));
                w.WritePropertyName(key);
                write(w, page[i]);
                w.WriteEndObject();
            }
            w.WriteNumber("total_count", total);
            w.WriteEndObject();
        });

        /// <summary>A list as a true array: {"&lt;key&gt;":[{…},…]}.</summary>
        public static byte[] ArrayList<T>(string key, IEnumerable<T> items, Action<Utf8JsonWriter, T> write) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(key);
            foreach (var item in items) write(w, item);
            w.WriteEndArray();
            w.WriteEndObject();
        });

        /// <summary>The answer of a bulk write: {"&lt;key&gt;":[ids]}, e.g. case_success_id.</summary>
        public static byte[] SuccessIds(string key, IEnumerable<long> ids) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(key);
            foreach (long id in ids) w.WriteNumberValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
        });

        /// <summary>The body of a DELETE that has nothing to say: [].</summary>
        public static byte[] EmptyArray() => "[]"u8.ToArray();
    }
}
