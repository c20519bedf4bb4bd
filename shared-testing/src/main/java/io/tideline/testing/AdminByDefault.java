package io.tideline.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A RestAssured filter: a request without an {@code Authorization} header gets the admin's; one whose header is
 * {@link TestTokens#NONE} is sent without any.
 */
final class AdminByDefault implements Filter {

    private final String admin;

    private AdminByDefault(String admin) {
        this.admin = admin;
    }

    static void install(String adminBearer) {
        RestAssured.filters(new AdminByDefault(adminBearer));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String given = request.getHeaders().getValue("Authorization");
        if (given == null) {
            request.header("Authorization", admin);
        } else if (TestTokens.NONE.equals(given)) {
            request.removeHeader("Authorization");
        }
        return context.next(request, response);
    }
}
