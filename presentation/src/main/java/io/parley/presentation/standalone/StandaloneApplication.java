package io.parley.presentation.standalone;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.ApplicationScoped;

/** A standalone node once it serves: makes sure the demo tenant exists, says where to look, and runs until stopped. */
@ApplicationScoped
public class StandaloneApplication implements QuarkusApplication {

    private final DemoTenant demoTenant;

    public StandaloneApplication(DemoTenant demoTenant) {
        this.demoTenant = demoTenant;
    }

    @Override
    public int run(String... args) throws Exception {
        demoTenant.ensure();
        // on standard error, not through the log pipeline: the first start's text holds the admin token
        StandaloneWelcome.prepared().ifPresent(welcome -> LauncherLog.info(welcome.text(demoTenant.pageSecret())));
        Quarkus.waitForExit();
        return 0;
    }
}
