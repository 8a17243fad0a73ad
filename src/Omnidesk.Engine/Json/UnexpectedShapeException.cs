using System;

namespace Omnidesk.Engine.Json
{
    /// <summary>The body is valid JSON but not the shape the endpoint documents.</summary>
    internal sealed class UnexpectedShapeException : Exception
    {
        public UnexpectedShapeException(string message) : base(message) { }
    }
}
