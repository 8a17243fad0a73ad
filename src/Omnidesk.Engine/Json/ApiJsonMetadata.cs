using System.Text.Json.Serialization;

namespace Omnidesk.Engine.Json
{
    /// <summary>
    /// Which members the model types have, generated at build time, so that the first request builds no contract by
    /// reflection and emitted code (that made the first read of a session two to three times as slow). It only lists the members:
    /// their names, converters and exceptions are the contract's own (<see cref="ApiJsonContract"/>), and any other type
    /// falls back to reflection. Declared here, in the engine: nothing is put on the model types.
    /// </summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(OmnideskCase))]
    [JsonSerializable(typeof(OmnideskMessage))]
    [JsonSerializable(typeof(OmnideskFilter))]
    [JsonSerializable(typeof(OmnideskChangelogEntry))]
    [JsonSerializable(typeof(OmnideskNewCase))]
    [JsonSerializable(typeof(OmnideskCaseChange))]
    [JsonSerializable(typeof(OmnideskRatingChange))]
    [JsonSerializable(typeof(OmnideskIdeaChange))]
    [JsonSerializable(typeof(OmnideskNewMessage))]
    [JsonSerializable(typeof(OmnideskMessageEdit))]
    [JsonSerializable(typeof(OmnideskIdeaResponse))]
    [JsonSerializable(typeof(OmnideskLanguage))]
    [JsonSerializable(typeof(OmnideskTicket))]
    [JsonSerializable(typeof(OmnideskTimelineEntry))]
    [JsonSerializable(typeof(OmnideskCustomer))]
    [JsonSerializable(typeof(OmnideskAgent))]
    [JsonSerializable(typeof(OmnideskView))]
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(long?))]
    [JsonSerializable(typeof(long[]))]
    internal partial class ApiJsonMetadata : JsonSerializerContext
    {
    }
}
