package io.tideline.alerting.api;

import io.tideline.alerting.alert.AlertLifecycle;
import io.tideline.alerting.alert.NoSuchAlertException;
import io.tideline.alerting.rule.InvalidRuleException;
import io.tideline.alerting.rule.VersionConflictException;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** alerting's refusals as problem+json: an invalid rule names its field; a lifecycle refusal is a 409. */
public class AlertingProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalidRule(InvalidRuleException e, UriInfo uri) {
        return problems.problem(ProblemException.badField(e.field(), e.reason()), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(AlertLifecycle.NotAllowed e, UriInfo uri) {
        return problems.problem(ProblemException.conflict(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response noSuchAlert(NoSuchAlertException e, UriInfo uri) {
        return problems.problem(ProblemException.notFound(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response versionConflict(VersionConflictException e, UriInfo uri) {
        return problems.problem(new ProblemException(412, "Precondition Failed", e.getMessage(), null), uri);
    }
}
