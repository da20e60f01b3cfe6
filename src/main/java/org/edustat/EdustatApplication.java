package org.edustat;

import java.util.Arrays;

import org.edustat.demo.DemoCommand;
import org.edustat.pipeline.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * EduStat: takes school workbooks from the inbox, normalises and validates them, loads the reporting database and
 * writes the comparative reports. Commands: import (default), generate-demo, benchmark.
 */
@SpringBootApplication
public class EdustatApplication {

	public static void main(String[] args) throws Exception {
		String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "import";
		String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
		System.exit(switch (command) {
			case "import" -> runImport(rest);
			case "generate-demo" -> DemoCommand.run(rest);
			default -> {
				System.err.println("未知命令 (unknown command): " + command + "。可用: import, generate-demo, benchmark");
				yield 2;
			}
		});
	}

	static int runImport(String[] args) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EdustatApplication.class)
			.web(WebApplicationType.NONE)
			.run(args);
		int code = context.getBean(ImportCommand.class).run(System.out);
		return SpringApplication.exit(context, () -> code);
	}
}
