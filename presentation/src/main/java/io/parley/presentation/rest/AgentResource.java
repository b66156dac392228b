package io.parley.presentation.rest;

import io.parley.core.InvalidInputException;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.ScriptedRule;
import io.parley.core.port.in.ConfigureAgentUseCase;
import io.parley.core.tenant.Tenant;
import io.parley.presentation.security.TenantAuthentication;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** Configures the tenant's default agent. */
@Path("/api/v1/agents/default")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final ConfigureAgentUseCase configureAgent;
    private final TenantAuthentication tenants;

    public AgentResource(ConfigureAgentUseCase configureAgent, TenantAuthentication tenants) {
        this.configureAgent = configureAgent;
        this.tenants = tenants;
    }

    @PUT
    public AgentView configure(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, AgentRequest body) {
        Tenant tenant = tenants.require(apiKey, authorization);
        if (body == null) {
            throw InvalidInputException.invalid("an agent configuration body is required");
        }
        List<ScriptedRule> rules = body.rules() == null ? List.of() : body.rules().stream()
                .map(r -> {
                    if (r == null) {
                        throw InvalidInputException.invalid("rules must not contain null");
                    }
                    return new ScriptedRule(r.keywords(), r.reply(), r.endsCall());
                })
                .toList();
        Agent agent = configureAgent.configureDefault(new ConfigureAgentUseCase.Command(tenant.id(), body.name(),
                AgentKind.parse(body.kind()), body.greeting(), body.systemPrompt(), Optional.ofNullable(body.model()),
                rules, body.fallback()));
        return AgentView.of(agent);
    }

    /** Body of an agent configuration. */
    public record AgentRequest(String name, String kind, String greeting, String systemPrompt, String model,
            List<RuleView> rules, String fallback) {
    }

    /** A scripted rule on the wire. */
    /** {@code action}: absent, or "hangup" (the agent hangs up after saying the reply). */
    public record RuleView(List<String> keywords, String reply, String action) {

        static final String HANGUP = "hangup";

        boolean endsCall() {
            if (action != null && !HANGUP.equals(action)) {
                throw InvalidInputException.invalid("a rule's action must be \"hangup\" or absent");
            }
            return HANGUP.equals(action);
        }
    }

    /** An agent as the API shows it. */
    public record AgentView(String id, String name, String kind, String greeting, String systemPrompt, String model,
            List<RuleView> rules, String fallback) {

        static AgentView of(Agent a) {
            return new AgentView(a.id().toString(), a.name(), a.kind().code(), a.greeting(), a.systemPrompt(),
                    a.model().orElse(null), a.rules().stream().map(r -> new RuleView(r.keywords(), r.reply(), r.endsCall() ? RuleView.HANGUP : null)).toList(),
                    a.fallback());
        }
    }
}
