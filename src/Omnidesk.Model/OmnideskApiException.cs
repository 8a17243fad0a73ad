using System;
using System.Globalization;

namespace Omnidesk
{
    /// <summary>What went wrong with one API request. Carries no credentials.</summary>
    public sealed class OmnideskApiException : Exception
    {
        public OmnideskApiException(string method, string path, int? statusCode, string errorCode, string responseBody,
            OmnideskFailureKind kind, Exception inner = null, string serverMessage = null)
            : base(BuildMessage(method, path, statusCode, errorCode, kind, inner, serverMessage), inner)
        {
            ServerMessage = serverMessage;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            ErrorCode = errorCode;
            ResponseBody = responseBody;
            Kind = kind;
        }

        public string Method { get; }
        /// <summary>Path and query of the request.</summary>
        public string Path { get; }
        /// <summary>The HTTP status, or null when no response arrived.</summary>
        public int? StatusCode { get; }
        /// <summary>The API's "error" code from the body, such as case_not_found, when there was one.</summary>
        public string ErrorCode { get; }
        /// <summary>The start of the response body (at most 4 KB).</summary>
        public string ResponseBody { get; }
        public OmnideskFailureKind Kind { get; }
        /// <summary>The server's own words about the failure (Omnidesk.com's "message"), when it sent any.</summary>
        public string ServerMessage { get; }

        private static string BuildMessage(string method, string path, int? status, string code, OmnideskFailureKind kind, Exception inner,
            string serverMessage)
        {
            string what;
            switch (kind)
            {
                case OmnideskFailureKind.Timeout: what = "timed out"; break;
                case OmnideskFailureKind.Network: what = "failed: " + (inner?.GetBaseException().Message ?? "network error"); break;
                case OmnideskFailureKind.InvalidResponse: what = "returned a response that could not be read" + (inner != null ? ": " + inner.Message : ""); break;
                default:
                    what = "returned HTTP " + (status?.ToString(CultureInfo.InvariantCulture) ?? "?") + Describe(status) +
                           (string.IsNullOrEmpty(code) ? "" : " (" + code + ")");
                    break;
            }
            return string.IsNullOrEmpty(serverMessage) ? $"{method} {path} {what}." : $"{method} {path} {what}: {serverMessage}";
        }

        private static string Describe(int? status)
        {
            switch (status)
            {
                case 400: return " Bad Request";
                case 401: return " Unauthorized";
                case 403: return " Forbidden";
                case 404: return " Not Found";
                case 429: return " Too Many Requests";
                case 500: return " Internal Server Error";
                case 502: return " Bad Gateway";
                case 503: return " Service Unavailable";
                case 504: return " Gateway Timeout";
                default: return "";
            }
        }
    }

    public enum OmnideskFailureKind
    {
        /// <summary>The server answered with a non-2xx status.</summary>
        Http,
        /// <summary>No response: connection refused, reset or dropped.</summary>
        Network,
        /// <summary>No response within the timeout.</summary>
        Timeout,
        /// <summary>A 2xx answer that is not the JSON the endpoint documents.</summary>
        InvalidResponse,
    }
}
