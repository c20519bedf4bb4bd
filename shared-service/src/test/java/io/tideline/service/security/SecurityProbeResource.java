package io.tideline.service.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Routes of each class, to walk the permission matrix; exists only in this module's tests. */
@RolesAllowed(Roles.VIEWER)
@Path("/test/security")
public class SecurityProbeResource {

    @GET
    public String read() {
        return "read";
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/trade")
    public String trade() {
        return "traded";
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/configure")
    public String configure() {
        return "configured";
    }

    @PermitAll
    @POST
    @Path("/signed-webhook")
    public String webhook() {
        return "received";
    }
}
