using System;
using Omnidesk.Engine.Json;

namespace Omnidesk.Engine.Dialects
{
    /// <summary>The dialect of a connection's product, holding its credential.</summary>
    internal static class ApiDialects
    {
        public static IApiDialect For(OmnideskClientSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            switch (settings.Product)
            {
                case OmnideskProduct.OmnideskRu:
                    return new DeskieDialect(settings.Credential);
                case OmnideskProduct.OmnideskCom:
                    return new OmnideskComDialect(settings.Credential?.Password, settings.ApiKeyLocation,
                        ComJsonContract.FindZone(settings.TimeZone ?? OmnideskClientSettings.DefaultTimeZone));
                default:
                    throw new ArgumentOutOfRangeException(nameof(settings), settings.Product, "Unknown product.");
            }
        }
    }
}
