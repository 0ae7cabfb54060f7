package commonplace.web.server;

import commonplace.web.problem.ProblemWriter;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Installs {@link ProblemErrorReportValve} as the host's error report, in place of Tomcat's HTML one, and lets TRACE
 * through to the security firewall, which refuses it as a problem: Tomcat's own refusal of TRACE is a 405 with no body
 * that no valve sees.
 */
public class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemWriter problems;

    public TomcatProblemReports(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds its error report valve when it starts unless one of this class is in its pipeline
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve(problems));
            }
        });
    }
}
