using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OutcomeLedger.Api;

/// <summary>
/// What every operation of the OpenAPI document says alike, added once over the whole document: the Bearer scheme
/// (required for writes, optional for reads, which need it on a private ledger only), the 401, 403 and 404 answers
/// that follow from it and from path parameters, the closed sets of <c>format</c> and <c>lang</c>, and integer
/// parameters as integers (the JSON options' "numbers as strings too" is for bodies, not for paths and queries).
/// </summary>
internal static class OpenApiOperations
{
    public const string BearerScheme = "Bearer";

    // The tlog-witness protocol is authenticated by the log's signature, and the probes answer everyone.
    static readonly HashSet<string> Unauthenticated = new(["AddCheckpoint", "Alive", "Ready"], StringComparer.Ordinal);

    static readonly Dictionary<string, string[]> Enums = new(StringComparer.Ordinal)
    {
        ["format"] = ["json", "html", "md"],
        ["lang"] = ["en", "es"],
    };

    public static void Transform(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token made by 'outcomes token create': any role reads a private ledger; writes need a role that may write the entry's kind.",
        };
        var problem = document.Components.Schemas?.ContainsKey("ProblemDetails") == true ? new OpenApiSchemaReference("ProblemDetails", document) : null;

        foreach (var (_, path) in document.Paths)
        {
            foreach (var (method, operation) in path.Operations ?? [])
            {
                foreach (var parameter in operation.Parameters ?? [])
                {
                    if (parameter.Schema is not OpenApiSchema schema)
                    {
                        continue;
                    }

                    if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer))
                    {
                        schema.Type = JsonSchemaType.Integer;
                        schema.Pattern = null;
                    }

                    if (parameter.Name is { } name && Enums.TryGetValue(name, out var values) && schema.Type == JsonSchemaType.String)
                    {
                        schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
                    }
                }

                if (operation.OperationId is { } id && Unauthenticated.Contains(id))
                {
                    continue;
                }

                var writes = method == HttpMethod.Post;
                var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };
                operation.Security = writes ? [bearer] : [new OpenApiSecurityRequirement(), bearer];
                operation.Responses ??= [];
                Add(operation, "401", writes ? "No valid token" : "No valid token, on a private ledger", problem);
                if (writes)
                {
                    Add(operation, "403", "The token's role or party may not make this write", problem);
                }

                if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true || operation.OperationId == "GetCheckpoint")
                {
                    Add(operation, "404", "Not in the ledger", problem);
                }
            }
        }
    }

    static void Add(OpenApiOperation operation, string status, string description, OpenApiSchemaReference? problem)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        var response = new OpenApiResponse { Description = description };
        if (problem is not null)
        {
            response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } };
        }

        operation.Responses[status] = response;
    }
}
