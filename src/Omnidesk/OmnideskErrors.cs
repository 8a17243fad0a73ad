using System;
using System.Globalization;
using System.Management.Automation;

namespace Omnidesk
{
    /// <summary>
    /// Turns failures into ErrorRecords with a stable ErrorId that names the HTTP status and the API's error code
    /// (OmnideskApi404.case_not_found), a category a script can switch on, and the input as target object.
    /// </summary>
    internal static class OmnideskErrors
    {
        public static ErrorRecord ToErrorRecord(Exception exception, object target)
        {
            if (exception is OmnideskApiException api)
            {
                var record = new ErrorRecord(api, ErrorId(api), Category(api), target);
                var action = RecommendedAction(api);
                if (action != null) record.ErrorDetails = new ErrorDetails(api.Message) { RecommendedAction = action };
                return record;
            }
            return new ErrorRecord(exception, "OmnideskUnexpectedError", ErrorCategory.NotSpecified, target);
        }

        public static string ErrorId(OmnideskApiException e)
        {
            switch (e.Kind)
            {
                case OmnideskFailureKind.Network: return "OmnideskNetworkFailure";
                case OmnideskFailureKind.Timeout: return "OmnideskTimeout";
                case OmnideskFailureKind.InvalidResponse: return "OmnideskInvalidResponse";
                default:
                    var status = e.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "Unknown";
                    return string.IsNullOrEmpty(e.ErrorCode) ? "OmnideskApi" + status : "OmnideskApi" + status + "." + e.ErrorCode;
            }
        }

        public static ErrorCategory Category(OmnideskApiException e)
        {
            switch (e.Kind)
            {
                case OmnideskFailureKind.Network: return ErrorCategory.ConnectionError;
                case OmnideskFailureKind.Timeout: return ErrorCategory.OperationTimeout;
                case OmnideskFailureKind.InvalidResponse: return ErrorCategory.InvalidResult;
            }
            // Omnidesk.com answers "This ticket does not exist." with a 400
            if (e.ErrorCode != null && e.ErrorCode.EndsWith("_not_found", StringComparison.Ordinal)) return ErrorCategory.ObjectNotFound;
            switch (e.StatusCode)
            {
                case 400:
                case 422: return ErrorCategory.InvalidArgument;
                case 401: return ErrorCategory.AuthenticationError;
                case 403: return ErrorCategory.PermissionDenied;
                case 404: return ErrorCategory.ObjectNotFound;
                case 409: return ErrorCategory.ResourceExists;
                case 429: return ErrorCategory.LimitsExceeded;
                default: return e.StatusCode >= 500 ? ErrorCategory.ResourceUnavailable : ErrorCategory.NotSpecified;
            }
        }

        private static string RecommendedAction(OmnideskApiException e)
        {
            // Only the Omnidesk.com API explains its refusals in words (its keys have permissions, not staff members).
            var omnideskCom = e.ServerMessage != null;
            switch (e.StatusCode)
            {
                case 401 when omnideskCom: return "Check the API key (Omnidesk.com admin settings: API keys) and connect again.";
                case 403 when omnideskCom: return "Ask an administrator to grant the API key the permission the message names.";
                case 401: return "Check the API key (Omnidesk agent area: Profile > API) and connect again.";
                case 403: return "Check the staff e-mail, and that this staff member may use the API and see this data.";
                case 429: return "The account's per-minute request budget is used up; wait a minute or use -MaxRetryCount.";
                default: return null;
            }
        }

        public static ErrorRecord NotConnected() => new ErrorRecord(
            new InvalidOperationException("Not connected to Omnidesk in this session. Run Connect-Omnidesk first, or pass -Connection."),
            "OmnideskNotConnected", ErrorCategory.ConnectionError, null)
        {
            ErrorDetails = new ErrorDetails("Not connected to Omnidesk in this session. Run Connect-Omnidesk first, or pass -Connection.")
            {
                RecommendedAction = "Connect-Omnidesk -Domain <account> -Credential <PSCredential>"
            }
        };

        public static ErrorRecord Disconnected(OmnideskConnection connection) => new ErrorRecord(
            new InvalidOperationException($"The connection {connection} was closed by Disconnect-Omnidesk. Connect again."),
            "OmnideskConnectionClosed", ErrorCategory.ConnectionError, connection);

        /// <summary>A cmdlet of one product called on a connection to the other.</summary>
        public static ErrorRecord WrongProduct(string command, OmnideskProduct served, OmnideskConnection connection)
        {
            var message = $"{command} serves {ProductName(served)} (-Product {served}), but the connection to {connection.BaseUri} is to " +
                          $"{ProductName(connection.Product)} (-Product {connection.Product}). Connect with Connect-Omnidesk -Product {served}, " +
                          "or pass such a connection with -Connection.";
            return new ErrorRecord(new InvalidOperationException(message), "OmnideskWrongProduct", ErrorCategory.InvalidOperation, connection)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Connect-Omnidesk -Product {served} ..." },
            };
        }

        public static string ProductName(OmnideskProduct product) =>
            product == OmnideskProduct.OmnideskCom ? "Omnidesk.com (API v2)" : "omnidesk.ru (Deskie)";

        /// <summary>A case of a bulk request that the API left out of case_success_id.</summary>
        public static ErrorRecord NotApplied(long caseId, string outcome) => new ErrorRecord(
            new InvalidOperationException($"Case {caseId} was not {outcome}: the API did not list it as changed " +
                                          "(it may not exist, or this staff member may not change it)."),
            "OmnideskCaseNotChanged", ErrorCategory.InvalidOperation, caseId);

        public static ErrorRecord InvalidArgument(string id, string message, object target) =>
            new ErrorRecord(new ArgumentException(message), id, ErrorCategory.InvalidArgument, target);
    }
}
