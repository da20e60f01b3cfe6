package org.edustat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.edustat.benchmark.BenchmarkCommand;
import org.edustat.cli.CommandLine;
import org.edustat.cli.DryRunCommand;
import org.edustat.cli.ImportCommand;
import org.edustat.cli.ResetAdminCommand;
import org.edustat.cli.Utf8Relaunch;
import org.edustat.demo.DemoCommand;
import org.edustat.pipeline.ServerMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * EduStat: takes school workbooks from the inbox, normalises and validates them, loads
 * the reporting database and writes the comparative reports. Commands: import (default),
 * serve, dry-run, generate-demo, benchmark, reset-admin.
 */
@SpringBootApplication
public class EdustatApplication {

	public static void main(String[] args) throws Exception {
		if (Utf8Relaunch.needed()) {
			Optional<Integer> code = Utf8Relaunch.run();
			if (code.isPresent()) {
				System.exit(code.get());
			}
		}
		Utf8Relaunch.followParent();
		useBuiltInXmlFactories();
		String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "import";
		String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
		Optional<Integer> refused = CommandLine.check(command, rest, System.out, System.err);
		if (refused.isPresent()) {
			System.exit(refused.get());
		}
		System.exit(switch (command) {
			case "import" -> runImport(rest);
			case "generate-demo" -> DemoCommand.run(rest);
			case "benchmark" -> BenchmarkCommand.run(rest, EdustatApplication.class);
			case "dry-run" -> runDryRun(rest);
			case "serve" -> serve(rest);
			case "reset-admin" -> resetAdmin(rest);
			default -> {
				System.err.println("未知命令 (unknown command): " + command
						+ "。可用: import, serve, dry-run, generate-demo, benchmark, reset-admin");
				yield 2;
			}
		});
	}

	/**
	 * Names the JDK's own XML factories so that POI and XMLBeans, which ask for a new
	 * factory per part they parse, skip the service-loader scan of the whole class path
	 * each time (costly inside an executable jar).
	 */
	public static void useBuiltInXmlFactories() {
		System.getProperties()
			.putIfAbsent("javax.xml.parsers.SAXParserFactory",
					"com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
		System.getProperties()
			.putIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
					"com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
		System.getProperties()
			.putIfAbsent("javax.xml.transform.TransformerFactory",
					"com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
		System.getProperties()
			.putIfAbsent("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
		System.getProperties()
			.putIfAbsent("javax.xml.stream.XMLOutputFactory", "com.sun.xml.internal.stream.XMLOutputFactoryImpl");
		System.getProperties()
			.putIfAbsent("javax.xml.stream.XMLEventFactory", "com.sun.xml.internal.stream.events.XMLEventFactoryImpl");
	}

	/**
	 * Server mode: the web UI and the nightly run on its schedule, until the process is
	 * stopped.
	 */
	static int serve(String[] args) throws InterruptedException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EdustatApplication.class)
			.web(WebApplicationType.SERVLET)
			.run(args);
		ServerMode.serve(context);
		System.out.println(
				"EduStat 服务模式已启动,定时运行: " + context.getEnvironment().getProperty("edustat.schedule.cron", "0 0 2 * * *")
						+ " (server mode started; Ctrl+C to stop)");
		Thread.currentThread().join();
		return 0;
	}

	static int runDryRun(String[] args) {
		String[] files = Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
		if (files.length != 1) {
			System.err.println("用法 (usage): dry-run <工作簿文件>");
			return 2;
		}
		String[] options = Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EdustatApplication.class)
			.web(WebApplicationType.NONE)
			.lazyInitialization(true)
			.run(options);
		int code = context.getBean(DryRunCommand.class).run(Path.of(files[0]), System.out);
		return SpringApplication.exit(context, () -> code);
	}

	static int resetAdmin(String[] args) {
		String user = Arrays.stream(args)
			.filter(a -> a.startsWith("--user="))
			.map(a -> a.substring(7))
			.findFirst()
			.orElse("admin");
		String[] options = Arrays.stream(args).filter(a -> !a.startsWith("--user=")).toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EdustatApplication.class)
			.web(WebApplicationType.NONE)
			.lazyInitialization(true)
			.run(options);
		int code = context.getBean(ResetAdminCommand.class).run(user, System.out, System.err);
		return SpringApplication.exit(context, () -> code);
	}

	/**
	 * The import job once, from the command line. Like the other commands that run once,
	 * it starts lazily: only the beans the command uses are made (the web's, the season's
	 * mail and the schedule's are not), 1.3 s less to start.
	 */
	static int runImport(String[] args) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EdustatApplication.class)
			.web(WebApplicationType.NONE)
			.lazyInitialization(true)
			.run(args);
		int code = context.getBean(ImportCommand.class).run(System.out);
		return SpringApplication.exit(context, () -> code);
	}

}
