namespace Omnidesk
{
    /// <summary>
    /// The two unrelated helpdesk products called Omnidesk. A connection speaks to one of them; each cmdlet serves one
    /// (the connection cmdlets and Invoke-OmnideskRequest serve both).
    /// </summary>
    public enum OmnideskProduct
    {
        /// <summary>omnidesk.ru, sold in English as Deskie: https://&lt;account&gt;.omnidesk.ru/api/, cases.</summary>
        OmnideskRu,

        /// <summary>Omnidesk.com, the Dutch product: https://&lt;account&gt;.omnidesk.com/api/v2/, tickets.</summary>
        OmnideskCom,
    }

    /// <summary>Where an Omnidesk.com request carries its API key.</summary>
    public enum OmnideskApiKeyLocation
    {
        /// <summary>The apiKey request header: the key stays out of addresses and proxy logs.</summary>
        Header,

        /// <summary>The apiKey query parameter, the form the API's AUTH page documents.</summary>
        Query,
    }
}
