package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.tideline.settlement.importer.ImportReport;
import io.tideline.settlement.importer.RedisImporter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The legacy importer: the previous system's sessions and fills from Redis (layout in the README). */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/import/redis")
@Tag(name = "Legacy import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final RedisImporter importer;

    public ImportResource(RedisImporter importer) {
        this.importer = importer;
    }

    /**
     * All optional: dryRun (read and count, write nothing), statsOnly (count sessions and list lengths), sessionId
     * (only that one), limit (at most that many pending sessions), keyPrefix (instead of the configured one).
     */
    public record ImportRequest(Boolean dryRun, Boolean statsOnly, String sessionId, Integer limit,
                                String keyPrefix) {
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(summary = "Import sessions and fills from the previous system's Redis",
            description = "Sessions already marked imported are skipped. Fills are deduplicated by (venue, orderId,"
                    + " tradeId), written in batches and published as FillRecorded; each session imported is marked"
                    + " in Redis for 90 days. dryRun=true writes nothing; statsOnly=true only counts.")
    @APIResponse(responseCode = "200", description = "The counts")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "503", description = "Redis does not answer")
    public ImportReport importRedis(ImportRequest request) {
        ImportRequest r = request == null ? new ImportRequest(null, null, null, null, null) : request;
        String session = RequestFields.optionalId("sessionId", r.sessionId());
        if (r.limit() != null && (r.limit() < 1 || r.limit() > 1_000_000)) {
            throw ProblemException.badField("limit", "must be between 1 and 1000000");
        }
        String prefix = r.keyPrefix() != null ? r.keyPrefix() : importer.defaultKeyPrefix();
        if (!prefix.matches("[A-Za-z0-9._:{}-]{0,100}")) {
            throw ProblemException.badField("keyPrefix", "must be up to 100 of A-Z a-z 0-9 . _ : { } -");
        }
        try {
            return importer.run(new RedisImporter.Options(Boolean.TRUE.equals(r.dryRun()),
                    Boolean.TRUE.equals(r.statsOnly()), session, r.limit(), prefix));
        } catch (JedisConnectionException e) {
            throw new ProblemException(503, "Redis unavailable", "cannot reach Redis at " + importer.address()
                    + " (tideline.settlement.redis.url): " + e.getMessage(), null);
        }
    }
}
