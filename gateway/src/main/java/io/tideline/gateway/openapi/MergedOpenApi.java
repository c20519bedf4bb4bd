package io.tideline.gateway.openapi;

import io.quarkus.arc.Unremovable;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.model.BaseModel;
import io.tideline.service.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The gateway's {@code /q/openapi}: one document of the whole platform API, made on each request (a filter of
 * SmallRye OpenAPI run per request over a copy of the gateway's own document). It holds the gateway's own routes as
 * its resources declare them (whatever resources it has: the roles come from their {@code @RolesAllowed}, which Quarkus
 * writes into the document as security scopes, or from an explicit {@value UpstreamApi#ROLE}), and every upstream's
 * routed paths as last read ({@link UpstreamDocuments}), schemas namespaced per service. Every operation carries its
 * least role as {@value UpstreamApi#ROLE} and the gateway's two ways to authenticate (a bearer JWT or an API key);
 * the extension {@value #UPSTREAMS} at the top says how current each service's part is.
 */
@ApplicationScoped
@Unremovable
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class MergedOpenApi implements OASFilter {

    /** Per upstream: status ({@link UpstreamDocument#status()}), when its document was read, since when failing. */
    public static final String UPSTREAMS = "x-tideline-upstreams";
    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";

    @Inject
    UpstreamDocuments upstreams;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> operations(item, (method, operation) ->
                ownRole(operation).ifPresent(role -> declare(operation, role))));
        Map<String, Object> status = new LinkedHashMap<>();
        for (UpstreamDocument document : upstreams.all()) {
            status.put(document.upstream(), statusOf(document));
            if (document.api() != null) {
                add(openAPI, document.upstream(), BaseModel.deepCopy(document.api(), OpenAPI.class));
            }
        }
        openAPI.addExtension(UPSTREAMS, status);
        securitySchemes(openAPI.getComponents());
        openAPI.setInfo(info(openAPI.getInfo(), upstreams.all()));
    }

    /** An upstream's paths (unless the gateway serves the same path itself) and its namespaced components. */
    private static void add(OpenAPI merged, String upstream, OpenAPI api) {
        Paths paths = merged.getPaths();
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> {
                if (!paths.hasPathItem(path)) {
                    operations(item, (method, operation) -> {
                        Object role = operation.getExtension(UpstreamApi.ROLE);
                        if (role != null) {
                            declare(operation, role.toString());
                        }
                    });
                    paths.addPathItem(path, item);
                }
            });
        }
        Components components = api.getComponents();
        if (components != null) {
            Components into = merged.getComponents();
            Objects.requireNonNullElse(components.getSchemas(), Map.<String, Schema>of()).forEach(into::addSchema);
            Objects.requireNonNullElse(components.getResponses(), Map.<String, APIResponse>of())
                    .forEach(into::addResponse);
            Objects.requireNonNullElse(components.getParameters(), Map.<String, Parameter>of())
                    .forEach(into::addParameter);
            Objects.requireNonNullElse(components.getRequestBodies(), Map.<String, RequestBody>of())
                    .forEach(into::addRequestBody);
            Objects.requireNonNullElse(components.getHeaders(), Map.<String, Header>of()).forEach(into::addHeader);
            Objects.requireNonNullElse(components.getExamples(), Map.<String, Example>of())
                    .forEach(into::addExample);
        }
        if (merged.getTags() == null || merged.getTags().stream().noneMatch(t -> upstream.equals(t.getName()))) {
            Tag tag = OASFactory.createTag().name(upstream).description("Forwarded to " + upstream);
            merged.addTag(tag);
        }
    }

    /**
     * The least role one of the gateway's own operations declares: an explicit {@value UpstreamApi#ROLE}, else the
     * least Tideline role among its security scopes ({@code @RolesAllowed}); empty when it declares none.
     */
    static Optional<String> ownRole(Operation operation) {
        Object explicit = operation.getExtension(UpstreamApi.ROLE);
        if (explicit != null) {
            return Optional.of(explicit.toString());
        }
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null) {
            return Optional.empty();
        }
        return security.stream()
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(Roles.ALL::contains)
                .min(Comparator.comparingInt(Roles.ALL::indexOf));
    }

    /** The role as the extension, and how to authenticate for it: nothing for a public route, else JWT or API key. */
    private static void declare(Operation operation, String role) {
        operation.addExtension(UpstreamApi.ROLE, role);
        if (role.equals(UpstreamApi.PUBLIC)) {
            operation.setSecurity(new ArrayList<>());
        } else {
            operation.setSecurity(new ArrayList<>(List.of(
                    OASFactory.createSecurityRequirement().addScheme(BEARER),
                    OASFactory.createSecurityRequirement().addScheme(API_KEY))));
        }
    }

    /** The gateway's schemes only: the one Quarkus adds for SmallRye JWT is replaced. */
    private static void securitySchemes(Components components) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A person's RS256 token (issuer tideline, audience tideline-api,"
                        + " the role in groups)"));
        schemes.put(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("A machine's API key (tlk_...)"));
        components.setSecuritySchemes(schemes);
    }

    private static Map<String, Object> statusOf(UpstreamDocument document) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", document.status());
        if (document.readAt() != null) {
            status.put("readAt", document.readAt().toString());
        }
        if (document.failingSince() != null) {
            status.put("failingSince", document.failingSince().toString());
        }
        return status;
    }

    private static Info info(Info own, List<UpstreamDocument> documents) {
        Info info = own == null ? OASFactory.createInfo() : own;
        StringBuilder text = new StringBuilder("The Tideline platform API: the gateway's own routes and every"
                + " service's, as the gateway forwards them. Each operation names its least role in "
                + UpstreamApi.ROLE + ".");
        List<String> missing = documents.stream().filter(d -> !d.status().equals("current"))
                .map(d -> d.upstream() + " (" + d.status() + ")").toList();
        if (!missing.isEmpty()) {
            text.append(" Not current: ").append(String.join(", ", missing)).append(".");
        }
        return info.title("Tideline API").description(text.toString());
    }

    private static void operations(PathItem item, BiConsumer<PathItem.HttpMethod, Operation> each) {
        Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
        if (operations != null) {
            operations.forEach(each);
        }
    }
}
