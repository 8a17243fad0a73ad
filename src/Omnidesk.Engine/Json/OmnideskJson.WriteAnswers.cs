using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Omnidesk.Engine.Json
{
    /// <summary>The answers of the writes to one or several cases: case updates and state changes, new messages and notes.</summary>
    internal static partial class OmnideskJson
    {
        /// <summary>
        /// The answer to PUT/DELETE on cases/{ids}: {"case":{…}} → that case (its id succeeded);
        /// {"case_success_id":[…]} → those ids (numbers or numeric strings); both forms accepted for any id count.
        /// <paramref name="bodilessMeansAll"/> (DELETE, documented only as "200 OK"): an empty body, [], {} or any
        /// body without case_success_id means every requested id succeeded.
        /// </summary>
        public static OmnideskBulkResult ParseBulkResult(byte[] body, IReadOnlyList<long> requestedIds, bool bodilessMeansAll)
        {
            var all = new OmnideskBulkResult(requestedIds.ToArray(), new OmnideskCase[0]);
            if (IsBlank(body))
            {
                if (bodilessMeansAll) return all;
                throw new UnexpectedShapeException("expected a 'case' object or 'case_success_id', got an empty body");
            }

            JsonDocument doc;
            try
            {
                doc = Parse(body);
            }
            catch (JsonException) when (bodilessMeansAll)
            {
                return all; // "200 OK" with some text: the delete is done
            }
            using (doc)
            {
                var root = doc.RootElement;
                long[] successIds = null;
                var cases = new List<OmnideskCase>();
                if (root.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in root.EnumerateObject())
                    {
                        if (Is(p.Name, "case_success_id") || Is(p.Name, "case_success_ids"))
                            successIds = JsonValues.Int64Array(p.Value);
                        else if (Is(p.Name, "case") && p.Value.ValueKind == JsonValueKind.Object)
                            cases.Add(ApiJsonContract.Read<OmnideskCase>(p.Value));
                    }
                    if (successIds == null && cases.Count == 0 && root.EnumerateObject().Any(p => IsIndex(p.Name)))
                        cases.AddRange(ParseList(body, "case", ApiJsonContract.Read<OmnideskCase>).Items); // a numbered envelope of cases
                }

                if (successIds == null && cases.Count == 0)
                {
                    if (bodilessMeansAll) return all;
                    throw new UnexpectedShapeException("expected a 'case' object or 'case_success_id'");
                }

                if (successIds == null)
                {
                    successIds = cases
                        .Select(c => c.CaseId != 0 ? c.CaseId : (requestedIds.Count == 1 ? requestedIds[0] : 0))
                        .Where(id => id != 0)
                        .ToArray();
                }
                return new OmnideskBulkResult(successIds, cases.ToArray());
            }
        }

        /// <summary>
        /// The answer to POST /api/cases/{ids}/messages.json or …/note.json. Either form is accepted for any id count:
        /// {"message":{…}} (documented, one case) → the message; its case is its case_id, else the only requested id,
        /// else (several ids, no case_id) every requested id succeeded and the message's CaseId stays 0;
        /// {"case_success_id":[…]} (our assumption for several cases; undocumented) → those ids, no messages;
        /// both together → those ids and the message; a numbered envelope of messages → those messages.
        /// </summary>
        public static OmnideskMessagesResult ParseMessagesResult(byte[] body, IReadOnlyList<long> requestedIds)
        {
            if (IsBlank(body)) throw new UnexpectedShapeException("expected a 'message' object or 'case_success_id', got an empty body");
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new UnexpectedShapeException($"expected a 'message' object or 'case_success_id', got a JSON {Kind(root)}");

                long[] successIds = null;
                var messages = new List<OmnideskMessage>();
                foreach (var p in root.EnumerateObject())
                {
                    if (Is(p.Name, "case_success_id") || Is(p.Name, "case_success_ids"))
                        successIds = JsonValues.Int64Array(p.Value);
                    else if ((Is(p.Name, "message") || Is(p.Name, "note")) && p.Value.ValueKind == JsonValueKind.Object)
                        messages.Add(ApiJsonContract.Read<OmnideskMessage>(p.Value));
                }
                if (successIds == null && messages.Count == 0 && root.EnumerateObject().Any(p => IsIndex(p.Name)))
                    messages.AddRange(ParseList(body, "message", ApiJsonContract.Read<OmnideskMessage>).Items);

                if (successIds == null && messages.Count == 0)
                    throw new UnexpectedShapeException("expected a 'message' object or 'case_success_id'");

                foreach (var m in messages)
                {
                    if (m.CaseId == 0 && requestedIds.Count == 1) m.CaseId = requestedIds[0];
                }
                if (successIds == null)
                {
                    successIds = messages.All(m => m.CaseId != 0)
                        ? messages.Select(m => m.CaseId).Distinct().ToArray()
                        : requestedIds.ToArray(); // a 2xx without case ids: the request as a whole succeeded
                }
                else if (successIds.Length == 1)
                {
                    foreach (var m in messages) if (m.CaseId == 0) m.CaseId = successIds[0];
                }
                return new OmnideskMessagesResult(successIds, messages.ToArray());
            }
        }

        private static bool IsIndex(string name) => TryIndex(name, out _);
    }
}
