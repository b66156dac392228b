package io.parley.presentation.standalone;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** A standalone node once it serves: makes sure the demo tenant exists, says where to look, and runs until stopped. */
@ApplicationScoped
public class StandaloneApplication implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(StandaloneApplication.class);

    private final DemoTenant demoTenant;

    public StandaloneApplication(DemoTenant demoTenant) {
        this.demoTenant = demoTenant;
    }

    @Override
    public int run(String... args) throws Exception {
        demoTenant.ensure();
        StandaloneWelcome.prepared().ifPresent(welcome -> LOG.info(welcome.text()));
        Quarkus.waitForExit();
        return 0;
    }
}
