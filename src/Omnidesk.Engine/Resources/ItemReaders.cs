using System;
using System.Collections.Generic;
using System.Text.Json;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine.Resources
{
    /// <summary>How one JSON item becomes its model type.</summary>
    internal static class ItemReaders
    {
        private static readonly Dictionary<Type, Delegate> Maps = new Dictionary<Type, Delegate>
        {
            [typeof(OmnideskCase)] = (Func<JsonElement, OmnideskCase>)OmnideskJson.MapCase,
            [typeof(OmnideskMessage)] = (Func<JsonElement, OmnideskMessage>)OmnideskJson.MapMessage,
            [typeof(OmnideskFilter)] = (Func<JsonElement, OmnideskFilter>)OmnideskJson.MapFilter,
            [typeof(OmnideskChangelogEntry)] = (Func<JsonElement, OmnideskChangelogEntry>)(e => OmnideskJson.MapChangelogEntry(e, 0)),
            [typeof(OmnideskLanguage)] = (Func<JsonElement, OmnideskLanguage>)(e => new OmnideskLanguage
            {
                LanguageId = JsonValues.Int64(e.GetProperty("language_id")) ?? 0,
                Code = JsonValues.String(e.GetProperty("code")),
                Title = JsonValues.String(e.GetProperty("title")),
                Active = JsonValues.Bool(e.GetProperty("active")) ?? false,
            }),
        };

        public static Func<JsonElement, T> For<T>()
        {
            if (Maps.TryGetValue(typeof(T), out var map)) return (Func<JsonElement, T>)map;
            throw new NotSupportedException($"The engine cannot read {typeof(T).Name} items.");
        }
    }
}
