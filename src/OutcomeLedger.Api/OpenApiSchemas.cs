using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api;

/// <summary>Schemas for the types the record JSON writes as strings (ids, periods, decimals), as RecordJson writes them.</summary>
internal static class OpenApiSchemas
{
    static readonly HashSet<Type> Strings = [typeof(PartyId), typeof(AgreementId), typeof(StatementId), typeof(CommitmentId), typeof(IndicatorId), typeof(Period), typeof(decimal), typeof(decimal?)];

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Strings.Contains(context.JsonTypeInfo.Type))
        {
            schema.Type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = context.JsonTypeInfo.Type == typeof(decimal) || context.JsonTypeInfo.Type == typeof(decimal?) ? "decimal" : null;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
