package org.edustat.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.edustat.core.District;
import org.edustat.core.DistrictCode;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Sponsor;
import org.edustat.core.UrbanRural;

/**
 * The fictional city 云溪市: six 区县 and a roster of schools of every 办学类型, the same for the
 * same seed.
 */
public final class Roster {

	public static final DistrictCode CITY = new DistrictCode("990100");

	public static final List<District> DISTRICTS = List.of(new District(CITY, "云溪市", null),
			new District(new DistrictCode("990102"), "清源区", CITY),
			new District(new DistrictCode("990103"), "明湖区", CITY),
			new District(new DistrictCode("990104"), "东岭区", CITY),
			new District(new DistrictCode("990105"), "西林区", CITY),
			new District(new DistrictCode("990121"), "临江县", CITY),
			new District(new DistrictCode("990122"), "白石县", CITY));

	private static final SchoolType[] TYPE_CYCLE = { SchoolType.KINDERGARTEN, SchoolType.PRIMARY, SchoolType.JUNIOR,
			SchoolType.KINDERGARTEN, SchoolType.PRIMARY, SchoolType.NINE_YEAR, SchoolType.SENIOR, SchoolType.PRIMARY,
			SchoolType.COMPLETE_SECONDARY, SchoolType.VOCATIONAL, SchoolType.KINDERGARTEN, SchoolType.JUNIOR,
			SchoolType.TWELVE_YEAR, SchoolType.SPECIAL, SchoolType.PRIMARY };

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private Roster() {
	}

	public static List<District> districtsOnly() {
		return DISTRICTS.subList(1, DISTRICTS.size());
	}

	/**
	 * {@code count} schools spread over the districts, every 办学类型 present once count
	 * reaches 15.
	 */
	public static List<DemoSchool> schools(int count, long seed) {
		Random random = new Random(seed);
		List<District> districts = districtsOnly();
		List<DemoSchool> schools = new ArrayList<>();
		int[] serial = new int[districts.size()];
		for (int i = 0; i < count; i++) {
			District district = districts.get(i % districts.size());
			int d = i % districts.size();
			SchoolType type = TYPE_CYCLE[(i / districts.size() + d) % TYPE_CYCLE.length];
			serial[d]++;
			String id = "3" + district.code().value().substring(1) + String.format("%04d", serial[d]);
			String name = district.name() + name(type, serial[d]);
			Sponsor sponsor = sponsor(type, random);
			UrbanRural urbanRural = district.name().endsWith("县")
					? (random.nextInt(3) == 0 ? UrbanRural.TOWN : UrbanRural.RURAL)
					: (random.nextInt(5) == 0 ? UrbanRural.TOWN : UrbanRural.URBAN);
			SchoolProfile profile = new SchoolProfile(new SchoolId(id), name, district.code(), type, sponsor,
					urbanRural);
			schools.add(new DemoSchool(profile, i, 0.6 + random.nextDouble() * 0.9));
		}
		return schools;
	}

	private static Sponsor sponsor(SchoolType type, Random random) {
		int draw = random.nextInt(10);
		if (type == SchoolType.KINDERGARTEN) {
			return draw < 5 ? Sponsor.PUBLIC : draw < 8 ? Sponsor.INCLUSIVE_PRIVATE : Sponsor.PRIVATE;
		}
		return draw < 9 ? Sponsor.PUBLIC : Sponsor.PRIVATE;
	}

	private static String name(SchoolType type, int serial) {
		String n = serial <= NUMERALS.length ? NUMERALS[serial - 1] : String.valueOf(serial);
		return switch (type) {
			case KINDERGARTEN -> "第" + n + "幼儿园";
			case PRIMARY -> "第" + n + "小学";
			case JUNIOR -> "第" + n + "初级中学";
			case NINE_YEAR -> "第" + n + "九年一贯制学校";
			case COMPLETE_SECONDARY -> "第" + n + "中学";
			case SENIOR -> "第" + n + "高级中学";
			case TWELVE_YEAR -> "第" + n + "实验学校";
			case VOCATIONAL -> "第" + n + "职业学校";
			case SPECIAL -> "第" + n + "特殊教育学校";
		};
	}

}
