using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>
    /// The envelopes of the Omnidesk.com API (§3.1): {"type":"item","item":…}, {"type":"result","message":…},
    /// {"type":"items","itemStart":…,"itemTotal":…,"itemLimit":…,"items":[…]} (the list type "items" is a guess) and the
    /// error body {"status":"error","message":…}.
    /// </summary>
    public static class ComJson
    {
        public static byte[] Error(string message) => JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "error");
            w.WriteString("message", message);
            w.WriteEndObject();
        });

        public static byte[] Item(Action<Utf8JsonWriter> writeItem) => JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "item");
            w.WritePropertyName("item");
            writeItem(w);
            w.WriteEndObject();
        });

        /// <summary>A result; <paramref name="extra"/> adds fields after the message (as chat adds ticketID).</summary>
        public static byte[] Result(string message, Action<Utf8JsonWriter> extra = null) => JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "result");
            w.WriteString("message", message);
            extra?.Invoke(w);
            w.WriteEndObject();
        });

        /// <summary>The page of <paramref name="matches"/> that <paramref name="paging"/> asks for, in the list envelope.</summary>
        public static byte[] List<T>(IReadOnlyList<T> matches, ComPage paging, Action<Utf8JsonWriter, T> write) => JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "items");
            w.WriteNumber("itemStart", paging.Start);
            w.WriteNumber("itemTotal", matches.Count);
            w.WriteNumber("itemLimit", paging.Limit);
            w.WriteStartArray("items");
            foreach (var item in matches.Skip(paging.Start).Take(paging.Limit)) write(w, item);
            w.WriteEndArray();
            w.WriteEndObject();
        });

        /// <summary>A date, or null.</summary>
        public static void Date(Utf8JsonWriter w, string name, DateTimeOffset? t, ComTime time)
        {
            if (t.HasValue) w.WriteString(name, time.Write(t.Value));
            else w.WriteNull(name);
        }

        /// <summary>A string, or null.</summary>
        public static void StringOrNull(Utf8JsonWriter w, string name, string value)
        {
            if (value == null) w.WriteNull(name);
            else w.WriteString(name, value);
        }
    }
}
