package io.tideline.service.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A route that forgot to name its role: refused to everybody (deny by default). */
@Path("/test/forgotten")
public class UnannotatedProbeResource {

    @GET
    public String read() {
        return "should never be answered";
    }
}
