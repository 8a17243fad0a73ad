namespace Omnidesk.Emulator.OmnideskCom
{
    /// <summary>What an Omnidesk.com handler answers: success is always 200 (E4), errors carry the error envelope.</summary>
    public sealed record ComResult(int Status, byte[] Body)
    {
        public static ComResult Ok(byte[] body) => new(200, body);
        public static ComResult Error(int status, string message) => new(status, ComJson.Error(message));
        public static ComResult BadRequest(string message) => new(400, ComJson.Error(message));

        /// <summary>E5: an unknown entity id → 400 "This ticket does not exist.".</summary>
        public static ComResult NotFound(string entity) => BadRequest("This " + entity + " does not exist.");

        public static ComResult Missing(string parameter) => BadRequest("Missing required parameter: " + parameter + ".");
        public static ComResult Invalid(string parameter) => BadRequest("Invalid value for " + parameter + ".");
    }
}
