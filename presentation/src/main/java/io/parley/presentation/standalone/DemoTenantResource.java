package io.parley.presentation.standalone;

import io.parley.presentation.rest.ApiProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the demo tenant's API key to the demo page of a standalone node: only with the page secret the node
 * printed in the page's address (header {@code X-Parley-Demo-Secret}), and only to a browser on the same
 * machine — from loopback, naming a loopback host (no DNS rebinding), with no proxy header.
 */
@Path("/standalone/demo-tenant")
public class DemoTenantResource {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> PROXY_HEADERS = Set.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Real-IP");

    private final DemoTenant demoTenant;
    private final boolean standalone;

    public DemoTenantResource(DemoTenant demoTenant,
            @ConfigProperty(name = "parley.standalone", defaultValue = "false") boolean standalone) {
        this.demoTenant = demoTenant;
        this.standalone = standalone;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> apiKey(@Context HttpServerRequest request,
            @HeaderParam("X-Parley-Demo-Secret") String secret) throws IOException {
        if (!standalone) {
            throw new ApiProblem(404, "not_standalone", "this node is not standalone: it has no demo tenant");
        }
        if (!demoTenant.isPageSecret(secret)) {
            throw ApiProblem.forbidden("open the demo page at the address the node printed when it started");
        }
        if (!fromLoopback(request)) {
            throw ApiProblem.forbidden("the demo tenant's key is only given to a browser on the node's own machine");
        }
        return Map.of("apiKey", demoTenant.ensure());
    }

    private static boolean fromLoopback(HttpServerRequest request) {
        if (PROXY_HEADERS.stream().anyMatch(header -> request.headers().contains(header))) {
            return false;
        }
        String host = request.authority() == null ? "" : request.authority().host();
        if (!LOOPBACK_HOSTS.contains(host) && !LOOPBACK_HOSTS.contains("[" + host + "]")) {
            return false;
        }
        try {
            return request.remoteAddress() != null
                    && InetAddress.getByName(request.remoteAddress().hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
