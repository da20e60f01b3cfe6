package org.edustat.web;

import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import org.edustat.core.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request whose parameters cannot be taken — a period that is no period, a page number
 * out of range, a status that does not exist, a missing parameter — answers 400 with a
 * Chinese page; an upload over the limit 413 with one. Never a 500 for what a person
 * typed into the address bar.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ControllerAdvice
class BadRequests {

	private static final Logger log = LoggerFactory.getLogger(BadRequests.class);

	@ExceptionHandler({ IllegalArgumentException.class, NoSuchElementException.class,
			MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception ex, HttpServletRequest request) {
		log.info("请求参数无效 (bad request parameter) {}: {}", request.getRequestURI(), LogText.of(ex.getMessage()));
		return page(HttpStatus.BAD_REQUEST, "请求参数无效", "地址中的参数无法识别,请从页面上的链接或表单进入。");
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class, MultipartException.class })
	ModelAndView tooLarge(Exception ex) {
		return page(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件超过20MB,无法接收。请检查是否选错了文件,或删除无关的工作表后重新上传。");
	}

	private static ModelAndView page(HttpStatus status, String title, String message) {
		return new ModelAndView("error", Map.of("status", status.value(), "title", title, "message", message), status);
	}

}
