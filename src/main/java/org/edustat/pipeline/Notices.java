package org.edustat.pipeline;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.edustat.core.Period;
import org.edustat.ledger.FileStatus;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.season.Deadlines;
import org.edustat.season.PeriodLocks;
import org.edustat.season.SchoolLine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The day's notices, one digest a day per recipient (never one a file), to the address a
 * user gave: a school, of its files refused and its submissions returned since its last
 * digest; a 区县, of its schools still missing or to fix once its 报送截止 has passed (every
 * day until they are done or the period is locked); the city, of runs that failed since
 * its last digest. Off by default; a recipient without an address gets nothing.
 */
public class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private final JdbcClient jdbc;

	private final @Nullable JavaMailSender mail;

	private final NoticeProperties properties;

	private final Deadlines deadlines;

	private final PeriodLocks locks;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	/**
	 * @param mail the SMTP sender, {@code null} where none is configured
	 */
	public Notices(JdbcClient jdbc, @Nullable JavaMailSender mail, NoticeProperties properties, Deadlines deadlines,
			PeriodLocks locks, AuditTrail audit, Clock clock, ZoneId zone) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.properties = properties;
		this.deadlines = deadlines;
		this.locks = locks;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	private record Recipient(String username, String role, String district, String school, String email) {
	}

	/**
	 * Sends today's digests not yet sent; a failure to send one is logged and tried again
	 * at the next call.
	 */
	public int sendDigests() {
		if (!properties.enabled() || mail == null) {
			return 0;
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<Recipient> recipients = jdbc.sql("""
				select username, role, district_code, school_id, email from app_user
				where enabled = true and email is not null and email <> '' order by username""")
			.query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		int sent = 0;
		for (Recipient recipient : recipients) {
			boolean already = jdbc.sql("select count(*) from notice_digest where username = ? and sent_on = ?")
				.params(recipient.username(), Date.valueOf(today))
				.query(Integer.class)
				.single() > 0;
			if (already) {
				continue;
			}
			Instant last = jdbc.sql("select max(sent_at) from notice_digest where username = ?")
				.param(recipient.username())
				.query(Timestamp.class)
				.list()
				.stream()
				.filter(t -> t != null)
				.map(Timestamp::toInstant)
				.findFirst()
				.orElse(Instant.EPOCH);
			List<String> lines = lines(recipient, last);
			if (lines.isEmpty()) {
				continue;
			}
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(properties.from());
			message.setTo(recipient.email());
			message.setSubject("EduStat 教育统计每日通知 " + today);
			message.setText(
					recipient.username() + "：\n\n" + String.join("\n", lines) + "\n\n（本邮件由 EduStat 每天汇总发送一次，请勿回复。）\n");
			try {
				mail.send(message);
			}
			catch (MailException ex) {
				log.warn("通知邮件发送失败,下次再试 (notice not sent, tried again next time): {} — {}", recipient.username(),
						ex.getMessage());
				continue;
			}
			jdbc.sql("insert into notice_digest (username, sent_on, sent_at) values (?, ?, ?)")
				.params(recipient.username(), Date.valueOf(today), Timestamp.from(clock.instant()))
				.update();
			audit.record(Act.NOTICE_SENT, "EduStat", null, null, recipient.district(), recipient.school(),
					"致 " + recipient.username() + "：" + lines.size() + "项");
			sent++;
		}
		return sent;
	}

	private List<String> lines(Recipient recipient, Instant last) {
		List<String> lines = new ArrayList<>();
		if ("SCHOOL".equals(recipient.role())) {
			jdbc.sql("""
					select period, file_name, reason from inbox_file
					where school_id = ? and status = ? and received_at > ? order by id""")
				.params(recipient.school(), FileStatus.REJECTED.label(), Timestamp.from(last))
				.query(rs -> {
					lines.add("・" + rs.getString(1) + " 的文件「" + rs.getString(2) + "」已退回：" + rs.getString(3)
							+ "。请按回执更正后重新报送。");
				});
			jdbc.sql("select period, reason from school_review where school_id = ? and state = 'RETURNED' and at > ?")
				.params(recipient.school(), Timestamp.from(last))
				.query(rs -> {
					lines.add("・" + rs.getString(1) + " 的报表被区县审核退回：" + rs.getString(2) + "。请更正后重新报送。");
				});
		}
		else if (recipient.district() != null && !"VIEWER".equals(recipient.role())) {
			for (String period : periods()) {
				if (locks.lockedBecause(period).isPresent()) {
					continue;
				}
				List<SchoolLine> waiting = deadlines.awaitingReviewPastDeadline(Period.parse(period),
						recipient.district());
				if (!waiting.isEmpty()) {
					lines.add("・" + period + " 区县审核截止"
							+ deadlines.of(period, recipient.district()).orElseThrow().reviewBy() + "已过，"
							+ waiting.size() + "所学校的报表待审核："
							+ String.join("、", waiting.stream().map(s -> s.name() + "（" + s.id() + "）").toList()));
				}
				if (!deadlines.past(period, recipient.district())) {
					continue;
				}
				List<Deadlines.Chase> chase = deadlines.chase(Period.parse(period), recipient.district());
				if (!chase.isEmpty()) {
					lines.add(
							"・" + period + " 报送截止" + deadlines.of(period, recipient.district()).orElseThrow().submitBy()
									+ "已过，" + chase.size() + "所学校未报送或待更正：");
					chase.forEach(c -> lines.add("    " + c.schoolName() + "（" + c.schoolId() + "）：" + c.what()
							+ (c.contact() == null ? "" : "（学校电话 " + c.contact() + "）")));
				}
			}
		}
		else if (recipient.district() == null && !"VIEWER".equals(recipient.role())) {
			DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
			jdbc.sql(
					"select job_execution_id, end_time from batch_job_execution where status = 'FAILED' and end_time > ? "
							+ "order by job_execution_id")
				.param(Timestamp.from(last))
				.query(rs -> {
					Timestamp end = rs.getTimestamp(2);
					lines.add("・运行 #" + rs.getLong(1) + " 失败（" + (end == null ? "" : time.format(end.toInstant()))
							+ "），请在「任务」页查看原因并重新运行。");
				});
		}
		return lines;
	}

	private TreeSet<String> periods() {
		return new TreeSet<>(jdbc.sql("select distinct period from deadline").query(String.class).list());
	}

}
